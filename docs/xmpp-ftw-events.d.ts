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

/** One field of a data form the browser submits (XEP-0004). */
export interface SubmittedField {
  var: string;
  value: string | number | boolean | (string | number | boolean)[];
  type?: string;
  label?: string;
}

/** One field of a data form the browser receives; `value` is a boolean for boolean fields and an array for `*-multi` fields. */
export interface DataFormField {
  var?: string;
  type?: string;
  label?: string;
  required?: true;
  description?: string;
  options?: { value: string; label?: string }[];
  value?: string | boolean | string[];
}

/** A data form the browser receives (XEP-0004); the hidden `FORM_TYPE` is never listed. */
export interface DataForm {
  title?: string;
  instructions?: string;
  fields?: DataFormField[];
  reported?: DataFormField[];
  items: DataFormField[][];
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
 * An item an entity lists: another entity (`jid`), or a node of it.
 *
 * From `xep-0030`.
 */
export interface DiscoItemOut {
  /** The item's JID (a string, as in the original). */
  jid?: string;
  /** The item's node, if it is one. */
  node?: string;
  /** A name for people. */
  name?: string;
}

/**
 * An item an entity lists: another entity (`jid`), or a node of it.
 *
 * From `xep-0030`.
 */
export interface DiscoItemIn {
  /** The item's JID (a string, as in the original). */
  jid?: string;
  /** The item's node, if it is one. */
  node?: string;
  /** A name for people. */
  name?: string;
}

/**
 * Who an entity is (`kind: 'identity'` in the information list).
 *
 * From `xep-0030`.
 */
export interface DiscoIdentity {
  /** Its category (`server`, `conference`, `pubsub`…). */
  category?: string;
  /** Its type within the category. */
  type?: string;
  /** A name for people. */
  name?: string;
}

/**
 * A protocol the entity supports (`kind: 'feature'` in the information list).
 *
 * From `xep-0030`.
 */
export interface DiscoFeature {
  /** The protocol namespace or feature name. */
  var?: string;
}

/**
 * Extended information (XEP-0128; `kind: 'form'` in the information list).
 *
 * From `xep-0030`.
 */
export interface DiscoForm {
  /** The extended information, a data form whose hidden FORM_TYPE names its purpose. */
  form?: DataForm;
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
 * A command an entity offers.
 *
 * From `xep-0050`.
 */
export interface CommandItemOut {
  /** The command's node, to pass to `xmpp.command.info` and `xmpp.command.do`. */
  node: string;
  /** The command's name for people. */
  name?: string;
}

/**
 * A command an entity offers.
 *
 * From `xep-0050`.
 */
export interface CommandItemIn {
  /** The command's node, to pass to `xmpp.command.info` and `xmpp.command.do`. */
  node: string;
  /** The command's name for people. */
  name?: string;
}

/**
 * What to do with a command.
 *
 * From `xep-0050`.
 */
export type CommandAction = "execute" | "next" | "prev" | "complete" | "cancel";

/**
 * An action the user may take next, named in an attribute.
 *
 * From `xep-0050`.
 */
export type CommandStepName = "prev" | "next" | "complete";

/**
 * Where a command stands.
 *
 * From `xep-0050`.
 */
export type CommandStatus = "executing" | "completed" | "canceled";

/**
 * How serious a note is.
 *
 * From `xep-0050`.
 */
export type CommandNoteType = "info" | "warn" | "error";

/**
 * A note from the command to the user.
 *
 * From `xep-0050`.
 */
export interface CommandNoteOut {
  /**
   * How serious.
   *
   * @default "info"
   */
  type?: CommandNoteType;
  /** The note's text. */
  description?: string;
}

/**
 * A note from the command to the user.
 *
 * From `xep-0050`.
 */
export interface CommandNoteIn {
  /**
   * How serious.
   *
   * @default "info"
   */
  type?: CommandNoteType;
  /** The note's text. */
  description?: string;
}

/**
 * The actions the user may take next.
 *
 * From `xep-0050`.
 */
export interface CommandActionsOut {
  /** The action `execute` means here. */
  execute?: CommandStepName;
  /**
   * Going back is allowed.
   *
   * Present (as `true`) only when set.
   */
  prev?: true;
  /**
   * Going on is allowed.
   *
   * Present (as `true`) only when set.
   */
  next?: true;
  /**
   * Completing is allowed.
   *
   * Present (as `true`) only when set.
   */
  complete?: true;
}

/**
 * The actions the user may take next.
 *
 * From `xep-0050`.
 */
export interface CommandActionsIn {
  /** The action `execute` means here. */
  execute?: CommandStepName;
  /**
   * Going back is allowed.
   *
   * Present (as `true`) only when set.
   */
  prev?: true;
  /**
   * Going on is allowed.
   *
   * Present (as `true`) only when set.
   */
  next?: true;
  /**
   * Completing is allowed.
   *
   * Present (as `true`) only when set.
   */
  complete?: true;
}

/**
 * The basic fields a directory searches by: `true` for each one it offers.
 *
 * From `xep-0055`.
 */
export interface SearchFields {
  /**
   * First name.
   *
   * Present (as `true`) only when set.
   */
  first?: true;
  /**
   * Last name.
   *
   * Present (as `true`) only when set.
   */
  last?: true;
  /**
   * Nickname.
   *
   * Present (as `true`) only when set.
   */
  nick?: true;
  /**
   * Email address.
   *
   * Present (as `true`) only when set.
   */
  email?: true;
}

/**
 * Basic search terms, as top-level keys.
 *
 * From `xep-0055`.
 */
export interface SearchBasicOut {
  /**
   * First name.
   *
   * At most 1024 characters.
   */
  first?: string;
  /**
   * Last name.
   *
   * At most 1024 characters.
   */
  last?: string;
  /**
   * Nickname.
   *
   * At most 1024 characters.
   */
  nick?: string;
  /**
   * Email address.
   *
   * At most 1024 characters.
   */
  email?: string;
}

/**
 * Basic search terms, as top-level keys.
 *
 * From `xep-0055`.
 */
export interface SearchBasicIn {
  /**
   * First name.
   *
   * At most 1024 characters.
   */
  first?: string;
  /**
   * Last name.
   *
   * At most 1024 characters.
   */
  last?: string;
  /**
   * Nickname.
   *
   * At most 1024 characters.
   */
  nick?: string;
  /**
   * Email address.
   *
   * At most 1024 characters.
   */
  email?: string;
}

/**
 * One basic search result: a user and the fields the directory shows.
 *
 * From `xep-0055`.
 */
export interface SearchItemOut {
  /**
   * The user's JID.
   *
   * A JID, kept as a string.
   */
  jid: string;
  /** First name. */
  first?: string;
  /** Last name. */
  last?: string;
  /** Nickname. */
  nick?: string;
  /** Email address. */
  email?: string;
}

/**
 * One basic search result: a user and the fields the directory shows.
 *
 * From `xep-0055`.
 */
export interface SearchItemIn {
  /**
   * The user's JID.
   *
   * A JID, kept as a string.
   */
  jid: string;
  /** First name. */
  first?: string;
  /** Last name. */
  last?: string;
  /** Nickname. */
  nick?: string;
  /** Email address. */
  email?: string;
}

/**
 * A result set: going out, which page to ask for; coming in (the callback's third argument), where the page sits in the whole set.
 *
 * From `xep-0059`.
 */
export interface RsmOut {
  /**
   * At most this many items per page (0: only the count).
   *
   * Integer from 0 to 9223372036854775807.
   */
  max?: number;
  /** The page after the item with this id; `true` asks for the first page. */
  after?: string;
  /** The page before the item with this id; `true` asks for the last page. */
  before?: string;
  /**
   * The page starting at this position in the whole set.
   *
   * Integer from 0 to 9223372036854775807.
   */
  index?: number;
}

/**
 * A result set: going out, which page to ask for; coming in (the callback's third argument), where the page sits in the whole set.
 *
 * From `xep-0059`.
 */
export interface RsmIn {
  /**
   * How many items the whole set has.
   *
   * Integer from 0 to 9223372036854775807.
   */
  count?: number;
  /** Id of the page's first item. */
  first?: string;
  /** Position of the page's first item in the whole set (a string, as in the original). */
  "first-index"?: string;
  /** Id of the page's last item. */
  last?: string;
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
 * The registration fields a service asks for (`true`) or holds (their value).
 *
 * From `xep-0077`.
 */
export interface RegisterFields {
  /** Account name. `true` when the service asks for it, else its current value. */
  username?: string;
  /** Familiar name. `true` when the service asks for it, else its current value. */
  nick?: string;
  /** Password or secret. `true` when the service asks for it, else its current value. */
  password?: string;
  /** Full name. `true` when the service asks for it, else its current value. */
  name?: string;
  /** First name. `true` when the service asks for it, else its current value. */
  first?: string;
  /** Last name. `true` when the service asks for it, else its current value. */
  last?: string;
  /** Email address. `true` when the service asks for it, else its current value. */
  email?: string;
  /** Street address. `true` when the service asks for it, else its current value. */
  address?: string;
  /** City. `true` when the service asks for it, else its current value. */
  city?: string;
  /** State or province. `true` when the service asks for it, else its current value. */
  state?: string;
  /** Postal code. `true` when the service asks for it, else its current value. */
  zip?: string;
  /** Telephone number. `true` when the service asks for it, else its current value. */
  phone?: string;
  /** A URL for the user. `true` when the service asks for it, else its current value. */
  url?: string;
  /** Some date (birthday, anniversary…). `true` when the service asks for it, else its current value. */
  date?: string;
  /** Miscellaneous information. `true` when the service asks for it, else its current value. */
  misc?: string;
  /** Free text. `true` when the service asks for it, else its current value. */
  text?: string;
  /** The session key some services require with a registration (XEP-0077 §7). `true` when the service asks for it, else its current value. */
  key?: string;
}

/**
 * The registration fields submitted.
 *
 * From `xep-0077`.
 */
export interface RegisterValues {
  /**
   * Account name.
   *
   * At most 3072 characters.
   */
  username?: string;
  /**
   * Familiar name.
   *
   * At most 3072 characters.
   */
  nick?: string;
  /**
   * Password or secret.
   *
   * At most 3072 characters.
   */
  password?: string;
  /**
   * Full name.
   *
   * At most 3072 characters.
   */
  name?: string;
  /**
   * First name.
   *
   * At most 3072 characters.
   */
  first?: string;
  /**
   * Last name.
   *
   * At most 3072 characters.
   */
  last?: string;
  /**
   * Email address.
   *
   * At most 3072 characters.
   */
  email?: string;
  /**
   * Street address.
   *
   * At most 3072 characters.
   */
  address?: string;
  /**
   * City.
   *
   * At most 3072 characters.
   */
  city?: string;
  /**
   * State or province.
   *
   * At most 3072 characters.
   */
  state?: string;
  /**
   * Postal code.
   *
   * At most 3072 characters.
   */
  zip?: string;
  /**
   * Telephone number.
   *
   * At most 3072 characters.
   */
  phone?: string;
  /**
   * A URL for the user.
   *
   * At most 3072 characters.
   */
  url?: string;
  /**
   * Some date (birthday, anniversary…).
   *
   * At most 3072 characters.
   */
  date?: string;
  /**
   * Miscellaneous information.
   *
   * At most 3072 characters.
   */
  misc?: string;
  /**
   * Free text.
   *
   * At most 3072 characters.
   */
  text?: string;
  /**
   * The session key some services require with a registration (XEP-0077 §7).
   *
   * At most 3072 characters.
   */
  key?: string;
}

/**
 * A successful registration.
 *
 * From `xep-0077`.
 */
export interface RegisterDone {
  /**
   * Always `true`: the service accepted the request.
   *
   * Present (as `true`) only when set.
   */
  registered?: true;
}

/**
 * One version of an avatar.
 *
 * From `xep-0084`.
 */
export interface AvatarInfoOut {
  /**
   * SHA-1 of the image bytes, hex: the data node's item id.
   *
   * At most 1024 characters.
   */
  id: string;
  /**
   * Size of the image in bytes.
   *
   * Integer from 0 to 9223372036854775807.
   */
  bytes?: number;
  /**
   * Media type, e.g. `image/png`.
   *
   * At most 256 characters.
   */
  type?: string;
  /**
   * Width in pixels.
   *
   * Integer from 0 to 65535.
   */
  width?: number;
  /**
   * Height in pixels.
   *
   * Integer from 0 to 65535.
   */
  height?: number;
  /**
   * Where the image is, when it is not in the data node.
   *
   * At most 4096 characters.
   */
  url?: string;
}

/**
 * One version of an avatar.
 *
 * From `xep-0084`.
 */
export interface AvatarInfoIn {
  /**
   * SHA-1 of the image bytes, hex: the data node's item id.
   *
   * At most 1024 characters.
   */
  id: string;
  /**
   * Size of the image in bytes.
   *
   * Integer from 0 to 9223372036854775807.
   */
  bytes?: number;
  /**
   * Media type, e.g. `image/png`.
   *
   * At most 256 characters.
   */
  type?: string;
  /**
   * Width in pixels.
   *
   * Integer from 0 to 65535.
   */
  width?: number;
  /**
   * Height in pixels.
   *
   * Integer from 0 to 65535.
   */
  height?: number;
  /**
   * Where the image is, when it is not in the data node.
   *
   * At most 4096 characters.
   */
  url?: string;
}

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
   * XHTML-IM markup (the inside of the XHTML body). A plain-text body is generated from it for clients without XHTML support.
   *
   * XHTML-IM markup.
   * At most 65536 characters.
   * From `xep-0071`.
   */
  content?: string;
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
   * XHTML-IM markup (the inside of the XHTML body). A plain-text body is generated from it for clients without XHTML support.
   *
   * XHTML-IM markup.
   * At most 65536 characters.
   * From `xep-0071`.
   */
  content?: string;
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
 * List the items of an entity (rooms of a MUC service, nodes of a pubsub service…), a page at a time with `rsm`.
 *
 * `xmpp.discover.items`, browser → gateway, from `xep-0030`.
 * Callback: required.
 */
export interface XmppDiscoverItemsOut {
  /** The entity whose items to list. */
  of: string;
  /** A node of the entity. */
  node?: string;
  /** Which page (XEP-0059). */
  rsm?: RsmOut;
}

/** What the `xmpp.discover.items` callback receives on success, one object per item. */
export interface XmppDiscoverItemsResult {
  /** The item's JID (a string, as in the original). */
  jid?: string;
  /** The item's node, if it is one. */
  node?: string;
  /** A name for people. */
  name?: string;
}

/** The third argument of the `xmpp.discover.items` callback on success: Where the page sits in the whole list (XEP-0059). */
export type XmppDiscoverItemsRsm = RsmIn;

/**
 * Ask an entity (a server, a service, a client) who it is and what it supports, with extended information (XEP-0128).
 *
 * `xmpp.discover.info`, browser → gateway, from `xep-0030`.
 * Callback: required.
 */
export interface XmppDiscoverInfoOut {
  /** The entity to ask. */
  of: string;
  /** A node of the entity. */
  node?: string;
  /** Which page (XEP-0059), for the rare entity that pages its information. */
  rsm?: RsmOut;
}

/** What the `xmpp.discover.info` callback receives on success, one object per item. */
export interface XmppDiscoverInfoResult {
  /** Which kind of entry this is: `identity`, `feature`, `form`. */
  kind: string;
  /** Its category (`server`, `conference`, `pubsub`…). */
  category?: string;
  /** Its type within the category. */
  type?: string;
  /** A name for people. */
  name?: string;
  /** The protocol namespace or feature name. */
  var?: string;
  /** The extended information, a data form whose hidden FORM_TYPE names its purpose. */
  form?: DataForm;
}

/** The third argument of the `xmpp.discover.info` callback on success: Where the page sits in the whole list (XEP-0059). */
export type XmppDiscoverInfoRsm = RsmIn;

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
   * XHTML-IM markup (the inside of the XHTML body). A plain-text body is generated from it for clients without XHTML support.
   *
   * XHTML-IM markup.
   * At most 65536 characters.
   * From `xep-0071`.
   */
  content?: string;
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
   * XHTML-IM markup (the inside of the XHTML body). A plain-text body is generated from it for clients without XHTML support.
   *
   * XHTML-IM markup.
   * At most 65536 characters.
   * From `xep-0071`.
   */
  content?: string;
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
 * Fetch a room's configuration form (owners only).
 *
 * `xmpp.muc.room.config.get`, browser → gateway, from `xep-0045`.
 * Callback: required.
 */
export interface XmppMucRoomConfigGetOut {
  /**
   * Room JID.
   *
   * A JID, kept as a string.
   */
  room: string;
}

/** What the `xmpp.muc.room.config.get` callback receives on success. */
export interface XmppMucRoomConfigGetResult {
  /** The configuration form (`muc#roomconfig_*` fields). */
  form?: DataForm;
}

/**
 * Submit a room's configuration (owners only), FORM_TYPE `muc#roomconfig`.
 *
 * `xmpp.muc.room.config.set`, browser → gateway, from `xep-0045`.
 * Callback: required.
 */
export interface XmppMucRoomConfigSetOut {
  /**
   * Room JID.
   *
   * A JID, kept as a string.
   */
  room: string;
  /** The configuration fields to change, e.g. `muc#roomconfig_roomname`. */
  form: SubmittedField[];
}

/**
 * Ask a room whether the user is registered with it (and under which nickname), or for its registration form.
 *
 * `xmpp.muc.register.info`, browser → gateway, from `xep-0045`.
 * Callback: required.
 */
export interface XmppMucRegisterInfoOut {
  /**
   * Room JID.
   *
   * A JID, kept as a string.
   */
  room: string;
}

/** What the `xmpp.muc.register.info` callback receives on success. */
export interface XmppMucRegisterInfoResult {
  /**
   * The user is registered with the room.
   *
   * Present (as `true`) only when set.
   */
  registered?: true;
  /** The registered nickname. */
  nick?: string;
  /** What to do, for people. */
  instructions?: string;
  /** The registration form (`muc#register_*` fields). */
  form?: DataForm;
}

/**
 * Register with a room by submitting its registration form, FORM_TYPE `muc#register`.
 *
 * `xmpp.muc.register`, browser → gateway, from `xep-0045`.
 * Callback: required.
 */
export interface XmppMucRegisterOut {
  /**
   * Room JID.
   *
   * A JID, kept as a string.
   */
  room: string;
  /** The filled-in registration form, e.g. `muc#register_roomnick`. */
  form: SubmittedField[];
}

/** What the `xmpp.muc.register` callback receives on success. */
export interface XmppMucRegisterResult {
  /**
   * Always `true`: the room accepted the registration.
   *
   * Present (as `true`) only when set.
   */
  registered?: true;
}

/**
 * Ask a moderated room's moderators for voice: a form (FORM_TYPE `muc#request`) in a message to the room.
 *
 * `xmpp.muc.voice`, browser → gateway, from `xep-0045`.
 * Callback: none (fire and forget).
 */
export interface XmppMucVoiceOut {
  /**
   * Room JID.
   *
   * A JID, kept as a string.
   */
  room: string;
  /** The request: `[{var: 'muc#role', value: 'participant'}]`. */
  form: SubmittedField[];
}

/**
 * List the commands an entity offers (disco#items on the commands node), a page at a time with `rsm`. Sent as `xmpp.command.list`, the original name.
 *
 * `xmpp.command.list.get`, browser → gateway, from `xep-0050`.
 * Callback: required.
 */
export interface XmppCommandListGetOut {
  /** The entity; filled in by the gateway with the user's server when absent. */
  to?: string;
  /** Which page (XEP-0059). */
  rsm?: RsmOut;
}

/** What the `xmpp.command.list.get` callback receives on success, one object per item. */
export interface XmppCommandListGetResult {
  /** The command's node, to pass to `xmpp.command.info` and `xmpp.command.do`. */
  node: string;
  /** The command's name for people. */
  name?: string;
}

/** The third argument of the `xmpp.command.list.get` callback on success: Where the page sits in the whole list (XEP-0059). */
export type XmppCommandListGetRsm = RsmIn;

/**
 * An entity announces the commands it offers, in a message (XEP-0050 §2.3).
 *
 * `xmpp.command.list`, gateway → browser, from `xep-0050`.
 */
export interface XmppCommandListIn {
  /** Who offers the commands. */
  from?: Jid;
  /** The commands. */
  commands?: CommandItemIn[];
}

/**
 * Describe one command (disco#info on its node): identities, features and extended information, as `xmpp.discover.info` gives them.
 *
 * `xmpp.command.info`, browser → gateway, from `xep-0050`.
 * Callback: required.
 */
export interface XmppCommandInfoOut {
  /** The entity; filled in by the gateway with the user's server when absent. */
  to?: string;
  /** The command's node. */
  node: string;
}

/** What the `xmpp.command.info` callback receives on success, one object per item. */
export interface XmppCommandInfoResult {
  /**
   * Which kind of entry this is: `identity`, `feature`, `form`.
   *
   * From `xep-0030`.
   */
  kind: string;
  /**
   * Its category (`server`, `conference`, `pubsub`…).
   *
   * From `xep-0030`.
   */
  category?: string;
  /**
   * Its type within the category.
   *
   * From `xep-0030`.
   */
  type?: string;
  /**
   * A name for people.
   *
   * From `xep-0030`.
   */
  name?: string;
  /**
   * The protocol namespace or feature name.
   *
   * From `xep-0030`.
   */
  var?: string;
  /**
   * The extended information, a data form whose hidden FORM_TYPE names its purpose.
   *
   * From `xep-0030`.
   */
  form?: DataForm;
}

/**
 * Execute a command, or go on with a running one (`sessionId` with `next`, `prev`, `complete` or `cancel`), submitting a form when it asked for one.
 *
 * `xmpp.command.do`, browser → gateway, from `xep-0050`.
 * Callback: required.
 */
export interface XmppCommandDoOut {
  /** The entity; filled in by the gateway with the user's server when absent. */
  to?: string;
  /** The command's node. */
  node: string;
  /**
   * What to do.
   *
   * @default "execute"
   */
  action?: CommandAction;
  /**
   * The running command's session, from an earlier result.
   *
   * At most 1024 characters.
   */
  sessionId?: string;
  /** The filled-in form (no FORM_TYPE is added). */
  form?: SubmittedField[];
}

/** What the `xmpp.command.do` callback receives on success. */
export interface XmppCommandDoResult {
  /** The command's node. */
  node?: string;
  /** Where the command stands. */
  status?: CommandStatus;
  /** The session to pass with the next step. */
  sessionId?: string;
  /** A note for the user. */
  note?: CommandNoteIn;
  /** What the user may do next. */
  actions?: CommandActionsIn;
  /** A form to fill in, or the command's result as a form. */
  form?: DataForm;
  /** A link the command returns. */
  oob?: OobIn;
}

/**
 * Ask a directory which fields it searches by: basic field names, or a form.
 *
 * `xmpp.search.get`, browser → gateway, from `xep-0055`.
 * Callback: required.
 */
export interface XmppSearchGetOut {
  /** The directory. */
  to: string;
}

/** What the `xmpp.search.get` callback receives on success. */
export interface XmppSearchGetResult {
  /**
   * First name.
   *
   * Present (as `true`) only when set.
   */
  first?: true;
  /**
   * Last name.
   *
   * Present (as `true`) only when set.
   */
  last?: true;
  /**
   * Nickname.
   *
   * Present (as `true`) only when set.
   */
  nick?: true;
  /**
   * Email address.
   *
   * Present (as `true`) only when set.
   */
  email?: true;
  /** What to do, for people. */
  instructions?: string;
  /** The search form, when the directory uses one. */
  form?: DataForm;
}

/**
 * Search a directory, with basic terms or the filled-in search form (FORM_TYPE `jabber:iq:search`).
 *
 * `xmpp.search.do`, browser → gateway, from `xep-0055`.
 * Callback: required.
 */
export interface XmppSearchDoOut {
  /**
   * First name.
   *
   * At most 1024 characters.
   */
  first?: string;
  /**
   * Last name.
   *
   * At most 1024 characters.
   */
  last?: string;
  /**
   * Nickname.
   *
   * At most 1024 characters.
   */
  nick?: string;
  /**
   * Email address.
   *
   * At most 1024 characters.
   */
  email?: string;
  /** The directory. */
  to: string;
  /** The filled-in search form. */
  form?: SubmittedField[];
}

/** What the `xmpp.search.do` callback receives on success. */
export interface XmppSearchDoResult {
  /** Basic results, one object per user. */
  results?: SearchItemIn[];
  /** Form results: `reported` names the columns, `items` holds one row per user. */
  form?: DataForm;
}

/**
 * Ask a service which registration fields it needs, or what it holds for the user (`registered: true`).
 *
 * `xmpp.register.get`, browser → gateway, from `xep-0077`.
 * Callback: required.
 */
export interface XmppRegisterGetOut {
  /** The service (the user's server to manage the account). */
  to: string;
}

/** What the `xmpp.register.get` callback receives on success. */
export interface XmppRegisterGetResult {
  /** Account name. `true` when the service asks for it, else its current value. */
  username?: string;
  /** Familiar name. `true` when the service asks for it, else its current value. */
  nick?: string;
  /** Password or secret. `true` when the service asks for it, else its current value. */
  password?: string;
  /** Full name. `true` when the service asks for it, else its current value. */
  name?: string;
  /** First name. `true` when the service asks for it, else its current value. */
  first?: string;
  /** Last name. `true` when the service asks for it, else its current value. */
  last?: string;
  /** Email address. `true` when the service asks for it, else its current value. */
  email?: string;
  /** Street address. `true` when the service asks for it, else its current value. */
  address?: string;
  /** City. `true` when the service asks for it, else its current value. */
  city?: string;
  /** State or province. `true` when the service asks for it, else its current value. */
  state?: string;
  /** Postal code. `true` when the service asks for it, else its current value. */
  zip?: string;
  /** Telephone number. `true` when the service asks for it, else its current value. */
  phone?: string;
  /** A URL for the user. `true` when the service asks for it, else its current value. */
  url?: string;
  /** Some date (birthday, anniversary…). `true` when the service asks for it, else its current value. */
  date?: string;
  /** Miscellaneous information. `true` when the service asks for it, else its current value. */
  misc?: string;
  /** Free text. `true` when the service asks for it, else its current value. */
  text?: string;
  /** The session key some services require with a registration (XEP-0077 §7). `true` when the service asks for it, else its current value. */
  key?: string;
  /**
   * The user is registered already.
   *
   * Present (as `true`) only when set.
   */
  registered?: true;
  /** What to do, for people. */
  instructions?: string;
  /** A registration form, when the service uses one. */
  form?: DataForm;
  /** Where to register instead (a web page). */
  oob?: OobIn;
}

/**
 * Register with a service, or change what it holds: the basic fields, or a form (FORM_TYPE `jabber:iq:register`).
 *
 * `xmpp.register.set`, browser → gateway, from `xep-0077`.
 * Callback: required.
 */
export interface XmppRegisterSetOut {
  /**
   * Account name.
   *
   * At most 3072 characters.
   */
  username?: string;
  /**
   * Familiar name.
   *
   * At most 3072 characters.
   */
  nick?: string;
  /**
   * Password or secret.
   *
   * At most 3072 characters.
   */
  password?: string;
  /**
   * Full name.
   *
   * At most 3072 characters.
   */
  name?: string;
  /**
   * First name.
   *
   * At most 3072 characters.
   */
  first?: string;
  /**
   * Last name.
   *
   * At most 3072 characters.
   */
  last?: string;
  /**
   * Email address.
   *
   * At most 3072 characters.
   */
  email?: string;
  /**
   * Street address.
   *
   * At most 3072 characters.
   */
  address?: string;
  /**
   * City.
   *
   * At most 3072 characters.
   */
  city?: string;
  /**
   * State or province.
   *
   * At most 3072 characters.
   */
  state?: string;
  /**
   * Postal code.
   *
   * At most 3072 characters.
   */
  zip?: string;
  /**
   * Telephone number.
   *
   * At most 3072 characters.
   */
  phone?: string;
  /**
   * A URL for the user.
   *
   * At most 3072 characters.
   */
  url?: string;
  /**
   * Some date (birthday, anniversary…).
   *
   * At most 3072 characters.
   */
  date?: string;
  /**
   * Miscellaneous information.
   *
   * At most 3072 characters.
   */
  misc?: string;
  /**
   * Free text.
   *
   * At most 3072 characters.
   */
  text?: string;
  /**
   * The session key some services require with a registration (XEP-0077 §7).
   *
   * At most 3072 characters.
   */
  key?: string;
  /** The service. */
  to: string;
  /** The filled-in registration form, when the service gave one. */
  form?: SubmittedField[];
}

/** What the `xmpp.register.set` callback receives on success. */
export interface XmppRegisterSetResult {
  /**
   * Always `true`: the service accepted the request.
   *
   * Present (as `true`) only when set.
   */
  registered?: true;
}

/**
 * Change the account's password (`username` and `password`), or submit the password-change form (FORM_TYPE `jabber:iq:register:changepassword`).
 *
 * `xmpp.register.password`, browser → gateway, from `xep-0077`.
 * Callback: required.
 */
export interface XmppRegisterPasswordOut {
  /** The service (the user's server). */
  to: string;
  /**
   * The account name.
   *
   * At most 3072 characters.
   */
  username?: string;
  /**
   * The new password.
   *
   * At most 3072 characters.
   */
  password?: string;
  /** The filled-in password-change form, when the server asked for one. */
  form?: SubmittedField[];
}

/** What the `xmpp.register.password` callback receives on success. */
export interface XmppRegisterPasswordResult {
  /**
   * Always `true`: the service accepted the request.
   *
   * Present (as `true`) only when set.
   */
  registered?: true;
}

/**
 * Cancel the registration (with the user's server: delete the account). The query carries `<remove/>`, and the cancellation form (FORM_TYPE `jabber:iq:register:cancel`) when the service asked for one.
 *
 * `xmpp.register.unregister`, browser → gateway, from `xep-0077`.
 * Callback: required.
 */
export interface XmppRegisterUnregisterOut {
  /** The service. */
  to: string;
  /** The filled-in cancellation form, when the service asked for one. */
  form?: SubmittedField[];
}

/**
 * Publish an avatar image to the user's data node (`urn:xmpp:avatar:data`), under its SHA-1 as item id.
 *
 * `xmpp.avatar.upload`, browser → gateway, from `xep-0084`.
 * Callback: required.
 */
export interface XmppAvatarUploadOut {
  /**
   * The SHA-1 of the image bytes, in hex (the gateway does not compute it).
   *
   * At most 1024 characters.
   */
  id: string;
  /** The image, base64-encoded. */
  content: string;
}

/** What the `xmpp.avatar.upload` callback receives on success. */
export interface XmppAvatarUploadResult {
  /** The published item's id. */
  id?: string;
}

/**
 * Publish the avatar's metadata to the user's metadata node (`urn:xmpp:avatar:metadata`), which notifies contacts; `disable: true` publishes empty metadata (no avatar).
 *
 * `xmpp.avatar.metadata`, browser → gateway, from `xep-0084`.
 * Callback: required.
 */
export interface XmppAvatarMetadataOut {
  /**
   * SHA-1 of the image bytes, hex: the image's item id in the data node.
   *
   * At most 1024 characters.
   */
  id?: string;
  /**
   * Size of the image in bytes.
   *
   * Integer from 0 to 9223372036854775807.
   */
  bytes?: number;
  /**
   * Media type, e.g. `image/png`.
   *
   * At most 256 characters.
   */
  type?: string;
  /**
   * Width in pixels.
   *
   * Integer from 0 to 65535.
   */
  width?: number;
  /**
   * Height in pixels.
   *
   * Integer from 0 to 65535.
   */
  height?: number;
  /**
   * Where the image is, when it is not in the data node.
   *
   * At most 4096 characters.
   */
  url?: string;
  /**
   * `true`: the user has no avatar (empty metadata).
   *
   * At most 0 characters.
   */
  disable?: string;
}

/**
 * Fetch an avatar image from a contact's data node (`urn:xmpp:avatar:data`).
 *
 * `xmpp.avatar.data`, browser → gateway, from `xep-0084`.
 * Callback: required.
 */
export interface XmppAvatarDataOut {
  /** Whose avatar. */
  of: string;
  /**
   * The image's id, from the metadata.
   *
   * At most 1024 characters.
   */
  id: string;
}

/** What the `xmpp.avatar.data` callback receives on success. */
export interface XmppAvatarDataResult {
  /** The image, base64-encoded. */
  content?: string;
}

/**
 * Subscribe to a contact's avatar metadata node, to receive `xmpp.avatar.push.metadata`.
 *
 * `xmpp.avatar.subscribe`, browser → gateway, from `xep-0084`.
 * Callback: required.
 */
export interface XmppAvatarSubscribeOut {
  /** Whose avatar. */
  of: string;
  /**
   * Filled in by the gateway: the subscriber, the user's bare JID.
   *
   * A JID, kept as a string.
   */
  jid?: string;
}

/**
 * Stop receiving a contact's avatar metadata.
 *
 * `xmpp.avatar.unsubscribe`, browser → gateway, from `xep-0084`.
 * Callback: required.
 */
export interface XmppAvatarUnsubscribeOut {
  /** Whose avatar. */
  of: string;
  /**
   * Filled in by the gateway: the subscriber, the user's bare JID.
   *
   * A JID, kept as a string.
   */
  jid?: string;
}

/**
 * A contact published avatar metadata (a PEP notification): the versions of the avatar, or `disabled: true` when the contact has none.
 *
 * `xmpp.avatar.push.metadata`, gateway → browser, from `xep-0084`.
 */
export interface XmppAvatarPushMetadataIn {
  /** Whose avatar. */
  from?: Jid;
  /** The avatar's versions. */
  avatars?: AvatarInfoIn[];
  /** `true`: the contact removed the avatar. */
  disabled?: string;
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
  "xmpp.discover.items": XmppDiscoverItemsOut;
  "xmpp.discover.info": XmppDiscoverInfoOut;
  "xmpp.muc.join": XmppMucJoinOut;
  "xmpp.muc.create": XmppMucCreateOut;
  "xmpp.muc.leave": XmppMucLeaveOut;
  "xmpp.muc.message": XmppMucMessageOut;
  "xmpp.muc.subject": XmppMucSubjectOut;
  "xmpp.muc.room.config.get": XmppMucRoomConfigGetOut;
  "xmpp.muc.room.config.set": XmppMucRoomConfigSetOut;
  "xmpp.muc.register.info": XmppMucRegisterInfoOut;
  "xmpp.muc.register": XmppMucRegisterOut;
  "xmpp.muc.voice": XmppMucVoiceOut;
  "xmpp.command.list.get": XmppCommandListGetOut;
  /** @deprecated Use `xmpp.command.list.get`. */
  "xmpp.command.list": XmppCommandListGetOut;
  "xmpp.command.info": XmppCommandInfoOut;
  "xmpp.command.do": XmppCommandDoOut;
  "xmpp.search.get": XmppSearchGetOut;
  "xmpp.search.do": XmppSearchDoOut;
  "xmpp.register.get": XmppRegisterGetOut;
  "xmpp.register.set": XmppRegisterSetOut;
  "xmpp.register.password": XmppRegisterPasswordOut;
  "xmpp.register.unregister": XmppRegisterUnregisterOut;
  "xmpp.avatar.upload": XmppAvatarUploadOut;
  "xmpp.avatar.metadata": XmppAvatarMetadataOut;
  "xmpp.avatar.data": XmppAvatarDataOut;
  "xmpp.avatar.subscribe": XmppAvatarSubscribeOut;
  "xmpp.avatar.unsubscribe": XmppAvatarUnsubscribeOut;
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
  "xmpp.command.list": XmppCommandListIn;
  "xmpp.avatar.push.metadata": XmppAvatarPushMetadataIn;
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
  "xmpp.discover.items": XmppDiscoverItemsResult[];
  "xmpp.discover.info": XmppDiscoverInfoResult[];
  "xmpp.muc.room.config.get": XmppMucRoomConfigGetResult;
  "xmpp.muc.room.config.set": true;
  "xmpp.muc.register.info": XmppMucRegisterInfoResult;
  "xmpp.muc.register": XmppMucRegisterResult;
  "xmpp.command.list.get": XmppCommandListGetResult[];
  /** @deprecated Use `xmpp.command.list.get`. */
  "xmpp.command.list": XmppCommandListGetResult[];
  "xmpp.command.info": XmppCommandInfoResult[];
  "xmpp.command.do": XmppCommandDoResult;
  "xmpp.search.get": XmppSearchGetResult;
  "xmpp.search.do": XmppSearchDoResult;
  "xmpp.register.get": XmppRegisterGetResult;
  "xmpp.register.set": XmppRegisterSetResult;
  "xmpp.register.password": XmppRegisterPasswordResult;
  "xmpp.register.unregister": true;
  "xmpp.avatar.upload": XmppAvatarUploadResult;
  "xmpp.avatar.metadata": true;
  "xmpp.avatar.data": XmppAvatarDataResult;
  "xmpp.avatar.subscribe": true;
  "xmpp.avatar.unsubscribe": true;
}
