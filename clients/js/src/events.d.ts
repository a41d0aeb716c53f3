// Generated from the specs in specs/ by xmpp_ftw_runtime::catalog::typescript:
// do not edit by hand. Regenerate with
// `UPDATE_GENERATED=1 cargo test -p xmpp-ftw-tests --test generated`.
//
// `<Event>Out` is what the browser sends, `<Event>In` what it receives and
// `<Event>Result` what an acknowledgement callback receives on success.

/** A JID as the gateway delivers it; outgoing events take JIDs as strings. */
export interface Jid {
  user?: string;
  domain: string;
  resource?: string;
}

/**
 * What the sender should do about the error.
 *
 * From `rfc6120`.
 */
export type ErrorType = "auth" | "cancel" | "continue" | "modify" | "wait";

/**
 * The defined condition, the local name of the error's child in the stanzas namespace.
 *
 * From `rfc6120`.
 */
export type ErrorCondition = "bad-request" | "conflict" | "feature-not-implemented" | "forbidden" | "gone" | "internal-server-error" | "item-not-found" | "jid-malformed" | "not-acceptable" | "not-allowed" | "not-authorized" | "policy-violation" | "recipient-unavailable" | "redirect" | "registration-required" | "remote-server-not-found" | "remote-server-timeout" | "resource-constraint" | "service-unavailable" | "subscription-required" | "undefined-condition" | "unexpected-request";

/**
 * An application-specific error condition, such as a pubsub error.
 *
 * From `rfc6120`.
 */
export interface ApplicationError {
  /** Local name of the application element. */
  condition?: string;
  /** Namespace of the application element. */
  xmlns?: string;
  /** Text of the application element, if any. */
  description?: string;
}

/**
 * A stanza error: what went wrong on the server or at the other end.
 *
 * From `rfc6120`.
 */
export interface StanzaError {
  /** Error type. */
  type?: ErrorType;
  /** Entity that generated the error, if stated. */
  by?: string;
  /** Defined condition, e.g. `item-not-found`. */
  condition?: ErrorCondition;
  /** Human-readable text from the server. */
  description?: string;
  /** Application-specific condition. */
  application?: ApplicationError;
}

/**
 * Kind of one-to-one message; `normal` is what a message without a type means.
 *
 * From `rfc6121-chat`.
 */
export type MessageType = "chat" | "normal" | "headline";

/**
 * Availability sub-state.
 *
 * From `rfc6121-presence`.
 */
export type Show = "away" | "chat" | "dnd" | "xa";

/**
 * Availability sub-state as received; `offline` for unavailable presence.
 *
 * From `rfc6121-presence`.
 */
export type ShowIn = "away" | "chat" | "dnd" | "xa" | "offline";

/**
 * A presence aimed at one contact.
 *
 * From `rfc6121-presence`.
 */
export interface PresenceTargetOut {
  /** Contact JID. */
  to: string;
}

/**
 * A presence aimed at one contact.
 *
 * From `rfc6121-presence`.
 */
export interface PresenceTargetIn {
  /** Contact JID. */
  from?: Jid;
}

/**
 * Presence type the browser may set on `xmpp.presence`.
 *
 * From `rfc6121-presence`.
 */
export type PresenceType = "unavailable";

/**
 * Presence subscription state between the user and the contact.
 *
 * From `rfc6121-roster`.
 */
export type Subscription = "none" | "to" | "from" | "both" | "remove";

/**
 * A pending outgoing subscription request.
 *
 * From `rfc6121-roster`.
 */
export type Ask = "subscribe";

/**
 * A contact in the roster.
 *
 * From `rfc6121-roster`.
 */
export interface RosterItemOut {
  /** Contact JID. */
  jid?: string;
  /**
   * Display name; omitted means none.
   *
   * At most 1024 characters.
   */
  name?: string;
  /**
   * Groups the contact is in.
   *
   * At most 1024 characters.
   */
  groups?: string[];
}

/**
 * A contact in the roster.
 *
 * From `rfc6121-roster`.
 */
export interface RosterItemIn {
  /** Contact JID. */
  jid?: Jid;
  /**
   * Display name; omitted means none.
   *
   * At most 1024 characters.
   */
  name?: string;
  /**
   * Subscription state.
   *
   * @default "none"
   */
  subscription?: Subscription;
  /** `subscribe` while a request is pending. */
  ask?: Ask;
  /**
   * Groups the contact is in.
   *
   * At most 1024 characters.
   */
  groups?: string[];
}

/**
 * How much discussion history the room should replay on join.
 *
 * From `xep-0045`.
 */
export interface HistoryOut {
  /**
   * At most this many characters.
   *
   * Integer from 0 to 4294967295.
   */
  maxchars?: number;
  /**
   * At most this many messages.
   *
   * Integer from 0 to 4294967295.
   */
  maxstanzas?: number;
  /**
   * Only messages from the last N seconds.
   *
   * Integer from 0 to 4294967295.
   */
  seconds?: number;
  /**
   * Only messages after this time.
   *
   * An XEP-0082 date-time.
   */
  since?: string;
}

/**
 * How much discussion history the room should replay on join.
 *
 * From `xep-0045`.
 */
export interface HistoryIn {
  /**
   * At most this many characters.
   *
   * Integer from 0 to 4294967295.
   */
  maxchars?: number;
  /**
   * At most this many messages.
   *
   * Integer from 0 to 4294967295.
   */
  maxstanzas?: number;
  /**
   * Only messages from the last N seconds.
   *
   * Integer from 0 to 4294967295.
   */
  seconds?: number;
  /**
   * Only messages after this time.
   *
   * An XEP-0082 date-time.
   */
  since?: string;
}

/**
 * An occupant's role in the room.
 *
 * From `xep-0045`.
 */
export type Role = "moderator" | "participant" | "visitor" | "none";

/**
 * A user's long-lived affiliation with the room.
 *
 * From `xep-0045`.
 */
export type Affiliation = "owner" | "admin" | "member" | "outcast" | "none";

/**
 * Where to enter a room, and how.
 *
 * From `xep-0045`.
 */
export interface MucEnter {
  /**
   * Room JID.
   *
   * A JID, kept as a string.
   */
  room: string;
  /**
   * Nickname in the room.
   *
   * A JID resource (MUC nickname).
   */
  nick: string;
  /**
   * Room password, for protected rooms.
   *
   * At most 1024 characters.
   */
  password?: string;
  /** Limit the history replayed on join. */
  history?: HistoryOut;
}

/**
 * What the room says about an occupant.
 *
 * From `xep-0045`.
 */
export interface OccupantItem {
  /** Affiliation. */
  affiliation?: Affiliation;
  /** Role. */
  role?: Role;
  /** Real JID, when the room shows it. */
  jid?: Jid;
  /**
   * New nickname, on a nickname change (status 303).
   *
   * A JID resource (MUC nickname).
   */
  newNick?: string;
}

/**
 * A link attached to a message, such as a shared file.
 *
 * From `xep-0066`.
 */
export interface OobOut {
  /**
   * The URL.
   *
   * At most 4096 characters.
   */
  url: string;
  /**
   * What the link is.
   *
   * At most 1024 characters.
   */
  description?: string;
}

/**
 * A link attached to a message, such as a shared file.
 *
 * From `xep-0066`.
 */
export interface OobIn {
  /**
   * The URL.
   *
   * At most 4096 characters.
   */
  url: string;
  /**
   * What the link is.
   *
   * At most 1024 characters.
   */
  description?: string;
}

/**
 * How `content` is written: plain text, or XHTML-IM markup.
 *
 * From `xep-0071`.
 */
export type MessageFormat = "plain" | "xhtml";

/**
 * The sender's participation in the conversation.
 *
 * From `xep-0085`.
 */
export type ChatState = "active" | "composing" | "paused" | "inactive" | "gone";

/**
 * Which software the entity runs, as a verification string over its features.
 *
 * From `xep-0115`.
 */
export interface CapsOut {
  /**
   * URI identifying the software.
   *
   * At most 1024 characters.
   */
  node: string;
  /**
   * Verification string.
   *
   * At most 1024 characters.
   */
  ver: string;
  /**
   * Hash function of the verification string, e.g. `sha-1`.
   *
   * At most 64 characters.
   */
  hash: string;
}

/**
 * Which software the entity runs, as a verification string over its features.
 *
 * From `xep-0115`.
 */
export interface CapsIn {
  /**
   * URI identifying the software.
   *
   * At most 1024 characters.
   */
  node: string;
  /**
   * Verification string.
   *
   * At most 1024 characters.
   */
  ver: string;
  /**
   * Hash function of the verification string, e.g. `sha-1`.
   *
   * At most 64 characters.
   */
  hash: string;
}

/**
 * When and by whom a message was stored before delivery (offline storage, room history).
 *
 * From `xep-0203`.
 */
export interface Delay {
  /**
   * When the message was originally sent.
   *
   * An XEP-0082 date-time.
   */
  when: string;
  /**
   * Entity that delayed the message.
   *
   * A JID, kept as a string.
   */
  from?: string;
  /** Why, e.g. `Offline Storage`. */
  reason?: string;
}

/**
 * A one-to-one message, sent by the browser or received from a contact. Messages of type normal and headline are delivered too.
 *
 * `xmpp.chat.message`, browser → gateway, from `rfc6121-chat`.
 * Callback: optional.
 */
export interface XmppChatMessageOut {
  /** Recipient JID. */
  to: string;
  /**
   * Stanza id; generated when the browser gives none. Receipts and corrections refer to it.
   *
   * At most 256 characters.
   */
  id?: string;
  /**
   * Plain-text body.
   *
   * At most 65536 characters.
   *
   * XHTML-IM markup (the inside of the XHTML body). A plain-text body is generated from it for clients without XHTML support.
   *
   * XHTML-IM markup.
   * At most 65536 characters.
   * From `xep-0071`.
   */
  content?: string;
  /**
   * Bodies in other languages, keyed by `xml:lang`.
   *
   * At most 65536 characters.
   */
  bodies?: { [lang: string]: string };
  /**
   * Subject line.
   *
   * At most 1024 characters.
   */
  subject?: string;
  /**
   * Conversation thread id.
   *
   * At most 256 characters.
   */
  thread?: string;
  /**
   * Attached links.
   *
   * From `xep-0066`.
   */
  oob?: OobOut[];
  /**
   * `xhtml` when `content` is XHTML-IM markup; `plain` otherwise.
   *
   * From `xep-0071`.
   * @default "plain"
   */
  format?: MessageFormat;
  /**
   * Chat state, sent with or instead of a message body.
   *
   * From `xep-0085`.
   */
  state?: ChatState;
  /**
   * Ask the recipient to confirm delivery. Needs a callback, which receives the message id to match `xmpp.chat.receipt` against.
   *
   * Present (as `true`) only when set.
   * From `xep-0184`.
   */
  receipt?: true;
  /**
   * Id of the earlier message this one corrects.
   *
   * At most 256 characters.
   * From `xep-0308`.
   */
  replace?: string;
}

/**
 * A one-to-one message, sent by the browser or received from a contact. Messages of type normal and headline are delivered too.
 *
 * `xmpp.chat.message`, gateway → browser, from `rfc6121-chat`.
 */
export interface XmppChatMessageIn {
  /** Sender JID. */
  from?: Jid;
  /**
   * Stanza id; generated when the browser gives none. Receipts and corrections refer to it.
   *
   * At most 256 characters.
   */
  id?: string;
  /**
   * Message type.
   *
   * @default "normal"
   */
  type?: MessageType;
  /**
   * Plain-text body.
   *
   * At most 65536 characters.
   *
   * XHTML-IM markup (the inside of the XHTML body). A plain-text body is generated from it for clients without XHTML support.
   *
   * XHTML-IM markup.
   * At most 65536 characters.
   * From `xep-0071`.
   */
  content?: string;
  /**
   * Bodies in other languages, keyed by `xml:lang`.
   *
   * At most 65536 characters.
   */
  bodies?: { [lang: string]: string };
  /**
   * Subject line.
   *
   * At most 1024 characters.
   */
  subject?: string;
  /**
   * Conversation thread id.
   *
   * At most 256 characters.
   */
  thread?: string;
  /**
   * Attached links.
   *
   * From `xep-0066`.
   */
  oob?: OobIn[];
  /**
   * `xhtml` when `content` is XHTML-IM markup; `plain` otherwise.
   *
   * From `xep-0071`.
   * @default "plain"
   */
  format?: MessageFormat;
  /**
   * Chat state, sent with or instead of a message body.
   *
   * From `xep-0085`.
   */
  state?: ChatState;
  /**
   * Ask the recipient to confirm delivery. Needs a callback, which receives the message id to match `xmpp.chat.receipt` against.
   *
   * Present (as `true`) only when set.
   * From `xep-0184`.
   */
  receipt?: true;
  /**
   * Present when the message was delivered late.
   *
   * From `xep-0203`.
   */
  delay?: Delay;
  /**
   * Id of the earlier message this one corrects.
   *
   * At most 256 characters.
   * From `xep-0308`.
   */
  replace?: string;
}

/**
 * A message bounced with an error, e.g. the recipient does not exist. The original project dropped these.
 *
 * `xmpp.chat.error`, gateway → browser, from `rfc6121-chat`.
 */
export interface XmppChatErrorIn {
  /** Entity the failed message was sent to. */
  from?: Jid;
  /** Id of the message that failed. */
  id?: string;
  /** What went wrong. */
  error: StanzaError;
  /** Body of the failed message, when the server returns it. */
  content?: string;
}

/**
 * Availability: the browser's own (broadcast, or directed with `to`), or a contact's.
 *
 * `xmpp.presence`, browser → gateway, from `rfc6121-presence`.
 * Callback: none (fire and forget).
 */
export interface XmppPresenceOut {
  /** Send directed presence to this JID only. */
  to?: string;
  /** `unavailable` to go offline. */
  type?: PresenceType;
  /** Availability sub-state. */
  show?: Show;
  /**
   * Free-text status message.
   *
   * At most 1024 characters.
   */
  status?: string;
  /**
   * Status messages in other languages, keyed by `xml:lang`.
   *
   * At most 1024 characters.
   */
  statuses?: { [lang: string]: string };
  /**
   * Resource priority.
   *
   * Integer from -128 to 127.
   */
  priority?: number;
  /**
   * Entity capabilities of the sending client.
   *
   * From `xep-0115`.
   */
  client?: CapsOut;
}

/**
 * Availability: the browser's own (broadcast, or directed with `to`), or a contact's.
 *
 * `xmpp.presence`, gateway → browser, from `rfc6121-presence`.
 */
export interface XmppPresenceIn {
  /** Whose presence this is. */
  from?: Jid;
  /**
   * Free-text status message.
   *
   * At most 1024 characters.
   */
  status?: string;
  /**
   * Status messages in other languages, keyed by `xml:lang`.
   *
   * At most 1024 characters.
   */
  statuses?: { [lang: string]: string };
  /**
   * Resource priority.
   *
   * Integer from -128 to 127.
   */
  priority?: number;
  /** Availability sub-state; `offline` when the contact went unavailable. */
  show?: ShowIn;
  /**
   * Entity capabilities of the sending client.
   *
   * From `xep-0115`.
   */
  client?: CapsIn;
}

/**
 * A subscription request: ask to see a contact's presence, or a contact asks to see yours.
 *
 * `xmpp.presence.subscribe`, browser → gateway, from `rfc6121-presence`.
 * Callback: none (fire and forget).
 */
export interface XmppPresenceSubscribeOut {
  /** Contact JID. */
  to: string;
  /**
   * The requester's preferred nickname.
   *
   * At most 1024 characters.
   * From `xep-0172`.
   */
  nick?: string;
}

/**
 * A subscription request: ask to see a contact's presence, or a contact asks to see yours.
 *
 * `xmpp.presence.subscribe`, gateway → browser, from `rfc6121-presence`.
 */
export interface XmppPresenceSubscribeIn {
  /** Contact JID. */
  from?: Jid;
  /**
   * The requester's preferred nickname.
   *
   * At most 1024 characters.
   * From `xep-0172`.
   */
  nick?: string;
}

/**
 * Allow a contact to see your presence, or a contact allowed you.
 *
 * `xmpp.presence.subscribed`, browser → gateway, from `rfc6121-presence`.
 * Callback: none (fire and forget).
 */
export interface XmppPresenceSubscribedOut {
  /** Contact JID. */
  to: string;
}

/**
 * Allow a contact to see your presence, or a contact allowed you.
 *
 * `xmpp.presence.subscribed`, gateway → browser, from `rfc6121-presence`.
 */
export interface XmppPresenceSubscribedIn {
  /** Contact JID. */
  from?: Jid;
}

/**
 * Stop seeing a contact's presence, or a contact stopped seeing yours.
 *
 * `xmpp.presence.unsubscribe`, browser → gateway, from `rfc6121-presence`.
 * Callback: none (fire and forget).
 */
export interface XmppPresenceUnsubscribeOut {
  /** Contact JID. */
  to: string;
}

/**
 * Stop seeing a contact's presence, or a contact stopped seeing yours.
 *
 * `xmpp.presence.unsubscribe`, gateway → browser, from `rfc6121-presence`.
 */
export interface XmppPresenceUnsubscribeIn {
  /** Contact JID. */
  from?: Jid;
}

/**
 * Deny or revoke a contact's subscription, or a contact revoked yours.
 *
 * `xmpp.presence.unsubscribed`, browser → gateway, from `rfc6121-presence`.
 * Callback: none (fire and forget).
 */
export interface XmppPresenceUnsubscribedOut {
  /** Contact JID. */
  to: string;
}

/**
 * Deny or revoke a contact's subscription, or a contact revoked yours.
 *
 * `xmpp.presence.unsubscribed`, gateway → browser, from `rfc6121-presence`.
 */
export interface XmppPresenceUnsubscribedIn {
  /** Contact JID. */
  from?: Jid;
}

/**
 * Send your presence to one contact (a directed presence), which prompts a reply.
 *
 * `xmpp.presence.get`, browser → gateway, from `rfc6121-presence`.
 * Callback: none (fire and forget).
 */
export interface XmppPresenceGetOut {
  /** Contact JID. */
  to: string;
}

/**
 * Go offline: unavailable presence to everyone.
 *
 * `xmpp.presence.offline`, browser → gateway, from `rfc6121-presence`.
 * Callback: none (fire and forget).
 */
export interface XmppPresenceOfflineOut {}

/**
 * A presence bounced with an error.
 *
 * `xmpp.presence.error`, gateway → browser, from `rfc6121-presence`.
 */
export interface XmppPresenceErrorIn {
  /** Entity the presence was sent to. */
  from?: Jid;
  /** The error condition, e.g. `gone` (also in `details`). */
  error?: ErrorCondition;
  /** The whole stanza error. */
  details?: StanzaError;
}

/**
 * Fetch the whole roster.
 *
 * `xmpp.roster.get`, browser → gateway, from `rfc6121-roster`.
 * Callback: required.
 */
export interface XmppRosterGetOut {}

/** What the `xmpp.roster.get` callback receives on success, one object per item. */
export interface XmppRosterGetResult {
  /** Contact JID. */
  jid?: Jid;
  /**
   * Display name; omitted means none.
   *
   * At most 1024 characters.
   */
  name?: string;
  /**
   * Subscription state.
   *
   * @default "none"
   */
  subscription?: Subscription;
  /** `subscribe` while a request is pending. */
  ask?: Ask;
  /**
   * Groups the contact is in.
   *
   * At most 1024 characters.
   */
  groups?: string[];
}

/**
 * Add a contact to the roster (this does not subscribe to its presence).
 *
 * `xmpp.roster.add`, browser → gateway, from `rfc6121-roster`.
 * Callback: required.
 */
export interface XmppRosterAddOut {
  /** Contact JID. */
  jid: string;
  /**
   * Display name; omitted means none.
   *
   * At most 1024 characters.
   */
  name?: string;
  /**
   * Groups the contact is in.
   *
   * At most 1024 characters.
   */
  groups?: string[];
}

/**
 * Change a contact's name and groups; the groups given replace all others, an omitted name is erased.
 *
 * `xmpp.roster.edit`, browser → gateway, from `rfc6121-roster`.
 * Callback: required.
 */
export interface XmppRosterEditOut {
  /** Contact JID. */
  jid: string;
  /**
   * Display name; omitted means none.
   *
   * At most 1024 characters.
   */
  name?: string;
  /**
   * Groups the contact is in.
   *
   * At most 1024 characters.
   */
  groups: string[];
}

/**
 * Remove a contact from the roster, cancelling subscriptions both ways.
 *
 * `xmpp.roster.remove`, browser → gateway, from `rfc6121-roster`.
 * Callback: required.
 */
export interface XmppRosterRemoveOut {
  /** Contact JID. */
  jid: string;
}

/**
 * The server tells of a roster change (made by this or another of the user's clients). The gateway acknowledges it.
 *
 * `xmpp.roster.push`, gateway → browser, from `rfc6121-roster`.
 */
export interface XmppRosterPushIn {
  /** Contact JID. */
  jid?: Jid;
  /**
   * Display name; omitted means none.
   *
   * At most 1024 characters.
   */
  name?: string;
  /**
   * Subscription state.
   *
   * @default "none"
   */
  subscription?: Subscription;
  /** `subscribe` while a request is pending. */
  ask?: Ask;
  /**
   * Groups the contact is in.
   *
   * At most 1024 characters.
   */
  groups?: string[];
}

/**
 * Enter a room under a nickname. The room answers with `xmpp.muc.roster` events (or `xmpp.muc.error`).
 *
 * `xmpp.muc.join`, browser → gateway, from `xep-0045`.
 * Callback: none (fire and forget).
 */
export interface XmppMucJoinOut {
  /**
   * Room JID.
   *
   * A JID, kept as a string.
   */
  room: string;
  /**
   * Nickname in the room.
   *
   * A JID resource (MUC nickname).
   */
  nick: string;
  /**
   * Room password, for protected rooms.
   *
   * At most 1024 characters.
   */
  password?: string;
  /** Limit the history replayed on join. */
  history?: HistoryOut;
}

/**
 * Create a room by joining it. With `instant: true` the gateway accepts the default configuration as soon as the room reports it was created (status 201), by the standard owner query with an empty submitted form.
 *
 * `xmpp.muc.create`, browser → gateway, from `xep-0045`.
 * Callback: none (fire and forget).
 */
export interface XmppMucCreateOut {
  /**
   * Room JID.
   *
   * A JID, kept as a string.
   */
  room: string;
  /**
   * Nickname in the room.
   *
   * A JID resource (MUC nickname).
   */
  nick: string;
  /**
   * Room password, for protected rooms.
   *
   * At most 1024 characters.
   */
  password?: string;
  /** Limit the history replayed on join. */
  history?: HistoryOut;
  /**
   * Accept the default room configuration (an instant room).
   *
   * @default false
   */
  instant?: boolean;
}

/**
 * Leave a room.
 *
 * `xmpp.muc.leave`, browser → gateway, from `xep-0045`.
 * Callback: none (fire and forget).
 */
export interface XmppMucLeaveOut {
  /**
   * Room JID.
   *
   * A JID, kept as a string.
   */
  room: string;
  /**
   * Filled in by the gateway: the nickname used in the room.
   *
   * A JID resource (MUC nickname).
   */
  nick?: string;
  /**
   * Parting words, shown to the other occupants.
   *
   * At most 1024 characters.
   */
  reason?: string;
}

/**
 * A message in a room: to everyone, or private to one occupant when `to` names a nickname.
 *
 * `xmpp.muc.message`, browser → gateway, from `xep-0045`.
 * Callback: none (fire and forget).
 */
export interface XmppMucMessageOut {
  /**
   * Room JID.
   *
   * A JID, kept as a string.
   */
  room: string;
  /**
   * Nickname of the occupant to message privately.
   *
   * A JID resource (MUC nickname).
   */
  to?: string;
  /**
   * Stanza id.
   *
   * At most 256 characters.
   */
  id?: string;
  /**
   * Plain-text body.
   *
   * At most 65536 characters.
   *
   * XHTML-IM markup (the inside of the XHTML body). A plain-text body is generated from it for clients without XHTML support.
   *
   * XHTML-IM markup.
   * At most 65536 characters.
   * From `xep-0071`.
   */
  content?: string;
  /**
   * Attached links.
   *
   * From `xep-0066`.
   */
  oob?: OobOut[];
  /**
   * `xhtml` when `content` is XHTML-IM markup; `plain` otherwise.
   *
   * From `xep-0071`.
   * @default "plain"
   */
  format?: MessageFormat;
  /**
   * Chat state, sent with or instead of a message body.
   *
   * From `xep-0085`.
   */
  state?: ChatState;
  /**
   * Id of the earlier message this one corrects.
   *
   * At most 256 characters.
   * From `xep-0308`.
   */
  replace?: string;
}

/**
 * A message in a room: to everyone, or private to one occupant when `to` names a nickname.
 *
 * `xmpp.muc.message`, gateway → browser, from `xep-0045`.
 */
export interface XmppMucMessageIn {
  /**
   * Room JID.
   *
   * A JID, kept as a string.
   */
  room?: string;
  /**
   * Nickname of the sender; absent for messages from the room itself.
   *
   * A JID resource (MUC nickname).
   */
  nick?: string;
  /**
   * Whether the message was sent privately.
   *
   * Present (as `true`) only when set.
   * @default false
   */
  private?: true;
  /**
   * Stanza id.
   *
   * At most 256 characters.
   */
  id?: string;
  /**
   * Plain-text body.
   *
   * At most 65536 characters.
   *
   * XHTML-IM markup (the inside of the XHTML body). A plain-text body is generated from it for clients without XHTML support.
   *
   * XHTML-IM markup.
   * At most 65536 characters.
   * From `xep-0071`.
   */
  content?: string;
  /**
   * Attached links.
   *
   * From `xep-0066`.
   */
  oob?: OobIn[];
  /**
   * `xhtml` when `content` is XHTML-IM markup; `plain` otherwise.
   *
   * From `xep-0071`.
   * @default "plain"
   */
  format?: MessageFormat;
  /**
   * Chat state, sent with or instead of a message body.
   *
   * From `xep-0085`.
   */
  state?: ChatState;
  /**
   * Present when the message was delivered late.
   *
   * From `xep-0203`.
   */
  delay?: Delay;
  /**
   * Id of the earlier message this one corrects.
   *
   * At most 256 characters.
   * From `xep-0308`.
   */
  replace?: string;
}

/**
 * The room's subject (topic): set it, or learn it on join and whenever it changes.
 *
 * `xmpp.muc.subject`, browser → gateway, from `xep-0045`.
 * Callback: none (fire and forget).
 */
export interface XmppMucSubjectOut {
  /**
   * Room JID.
   *
   * A JID, kept as a string.
   */
  room: string;
  /**
   * The subject; omit it to clear the subject. Received as `false` when cleared.
   *
   * At most 4096 characters.
   */
  subject?: string;
}

/**
 * The room's subject (topic): set it, or learn it on join and whenever it changes.
 *
 * `xmpp.muc.subject`, gateway → browser, from `xep-0045`.
 */
export interface XmppMucSubjectIn {
  /**
   * Room JID.
   *
   * A JID, kept as a string.
   */
  room?: string;
  /**
   * Who set the subject, if known.
   *
   * A JID resource (MUC nickname).
   */
  nick?: string;
  /**
   * The subject; omit it to clear the subject. Received as `false` when cleared.
   *
   * At most 4096 characters.
   */
  subject?: string;
}

/**
 * An occupant joined, changed, or left a room (including the user: status 110).
 *
 * `xmpp.muc.roster`, gateway → browser, from `xep-0045`.
 */
export interface XmppMucRosterIn {
  /** Affiliation. */
  affiliation?: Affiliation;
  /** Role. */
  role?: Role;
  /** Real JID, when the room shows it. */
  jid?: Jid;
  /**
   * New nickname, on a nickname change (status 303).
   *
   * A JID resource (MUC nickname).
   */
  newNick?: string;
  /**
   * Room JID.
   *
   * A JID, kept as a string.
   */
  room?: string;
  /**
   * Occupant's nickname.
   *
   * A JID resource (MUC nickname).
   */
  nick?: string;
  /** `unavailable` when the occupant left. */
  type?: PresenceType;
  /** Availability sub-state. */
  show?: Show;
  /**
   * Status codes, e.g. 110 (this is you), 201 (room created), 303 (nick changed).
   *
   * Integer from 100 to 999.
   */
  status?: number[];
  /** Reason given for a kick or ban. */
  reason?: string;
}

/**
 * A message or presence to a joined room bounced with an error, e.g. a wrong password or a taken nickname.
 *
 * `xmpp.muc.error`, gateway → browser, from `xep-0045`.
 */
export interface XmppMucErrorIn {
  /** `message` or `presence`: what bounced. */
  type?: string;
  /**
   * Room JID.
   *
   * A JID, kept as a string.
   */
  room?: string;
  /** What went wrong. */
  error: StanzaError;
  /** Body of the failed message. */
  content?: string;
  /** Subject of the failed message. */
  subject?: string;
}

/**
 * A delivery receipt: confirm a message that asked for one, or learn that a contact received yours.
 *
 * `xmpp.chat.receipt`, browser → gateway, from `xep-0184`.
 * Callback: none (fire and forget).
 */
export interface XmppChatReceiptOut {
  /** Sender of the message being confirmed. */
  to: string;
  /**
   * Id of the message being confirmed.
   *
   * At most 256 characters.
   */
  id: string;
}

/**
 * A delivery receipt: confirm a message that asked for one, or learn that a contact received yours.
 *
 * `xmpp.chat.receipt`, gateway → browser, from `xep-0184`.
 */
export interface XmppChatReceiptIn {
  /** Who received your message. */
  from?: Jid;
  /**
   * Id of the message being confirmed.
   *
   * At most 256 characters.
   */
  id: string;
}

/** Payloads the browser sends, by event name (deprecated aliases included). */
export interface OutgoingEvents {
  "xmpp.chat.message": XmppChatMessageOut;
  "xmpp.presence": XmppPresenceOut;
  "xmpp.presence.subscribe": XmppPresenceSubscribeOut;
  "xmpp.presence.subscribed": XmppPresenceSubscribedOut;
  "xmpp.presence.unsubscribe": XmppPresenceUnsubscribeOut;
  "xmpp.presence.unsubscribed": XmppPresenceUnsubscribedOut;
  "xmpp.presence.get": XmppPresenceGetOut;
  "xmpp.presence.offline": XmppPresenceOfflineOut;
  "xmpp.roster.get": XmppRosterGetOut;
  "xmpp.roster.add": XmppRosterAddOut;
  "xmpp.roster.edit": XmppRosterEditOut;
  /** @deprecated Use `xmpp.roster.edit`. */
  "xmpp.roster.group": XmppRosterEditOut;
  "xmpp.roster.remove": XmppRosterRemoveOut;
  "xmpp.muc.join": XmppMucJoinOut;
  "xmpp.muc.create": XmppMucCreateOut;
  "xmpp.muc.leave": XmppMucLeaveOut;
  "xmpp.muc.message": XmppMucMessageOut;
  "xmpp.muc.subject": XmppMucSubjectOut;
  "xmpp.chat.receipt": XmppChatReceiptOut;
}

/** Payloads the browser receives, by event name. */
export interface IncomingEvents {
  "xmpp.chat.message": XmppChatMessageIn;
  "xmpp.chat.error": XmppChatErrorIn;
  "xmpp.presence": XmppPresenceIn;
  "xmpp.presence.subscribe": XmppPresenceSubscribeIn;
  "xmpp.presence.subscribed": XmppPresenceSubscribedIn;
  "xmpp.presence.unsubscribe": XmppPresenceUnsubscribeIn;
  "xmpp.presence.unsubscribed": XmppPresenceUnsubscribedIn;
  "xmpp.presence.error": XmppPresenceErrorIn;
  "xmpp.roster.push": XmppRosterPushIn;
  "xmpp.muc.message": XmppMucMessageIn;
  "xmpp.muc.subject": XmppMucSubjectIn;
  "xmpp.muc.roster": XmppMucRosterIn;
  "xmpp.muc.error": XmppMucErrorIn;
  "xmpp.chat.receipt": XmppChatReceiptIn;
}

/** What a successful callback receives, by outgoing event name (aliases included). */
export interface EventResults {
  "xmpp.chat.message": { id: string };
  "xmpp.roster.get": XmppRosterGetResult[];
  "xmpp.roster.add": true;
  "xmpp.roster.edit": true;
  /** @deprecated Use `xmpp.roster.edit`. */
  "xmpp.roster.group": true;
  "xmpp.roster.remove": true;
}
