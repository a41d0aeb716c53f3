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
 * An Atom person: an author or contributor.
 *
 * From `rfc4287`.
 */
export interface AtomPersonOut {
  /** Name. */
  name?: string;
  /** E-mail address. */
  email?: string;
  /** Home page or JID URI. */
  uri?: string;
  /** Identifier (buddycloud puts the JID here). */
  id?: string;
}

/**
 * An Atom person: an author or contributor.
 *
 * From `rfc4287`.
 */
export interface AtomPersonIn {
  /** Name. */
  name?: string;
  /** E-mail address. */
  email?: string;
  /** Home page or JID URI. */
  uri?: string;
  /** Identifier (buddycloud puts the JID here). */
  id?: string;
}

/**
 * An Atom link.
 *
 * From `rfc4287`.
 */
export interface AtomLinkOut {
  /** Target IRI. */
  href?: string;
  /** Relation (`alternate`, `replies`…). */
  rel?: string;
  /** Media type of the target. */
  type?: string;
  /** Title of the target. */
  title?: string;
  /** Language of the target. */
  hreflang?: string;
  /** Length of the target, in octets. */
  length?: string;
}

/**
 * An Atom link.
 *
 * From `rfc4287`.
 */
export interface AtomLinkIn {
  /** Target IRI. */
  href?: string;
  /** Relation (`alternate`, `replies`…). */
  rel?: string;
  /** Media type of the target. */
  type?: string;
  /** Title of the target. */
  title?: string;
  /** Language of the target. */
  hreflang?: string;
  /** Length of the target, in octets. */
  length?: string;
}

/**
 * An entry's content; the browser may send a plain string instead, which is `{content}`.
 *
 * From `rfc4287`.
 */
export interface AtomContentOut {
  /** The content, as text. */
  content?: string;
  /** `text`, `html` or a media type. */
  type?: string;
  /** Language. */
  lang?: string;
  /** Base IRI. */
  base?: string;
}

/**
 * An entry's content; the browser may send a plain string instead, which is `{content}`.
 *
 * From `rfc4287`.
 */
export interface AtomContentIn {
  /** The content, as text. */
  content?: string;
  /** `text`, `html` or a media type. */
  type?: string;
  /** Language. */
  lang?: string;
  /** Base IRI. */
  base?: string;
}

/**
 * What an entry replies to (RFC 4685 `in-reply-to`).
 *
 * From `rfc4287`.
 */
export interface ThreadRefOut {
  /** Id of the entry replied to. */
  ref: string;
  /** Media type of `href`. */
  type?: string;
  /** Where the entry replied to is. */
  href?: string;
}

/**
 * What an entry replies to (RFC 4685 `in-reply-to`).
 *
 * From `rfc4287`.
 */
export interface ThreadRefIn {
  /** Id of the entry replied to. */
  ref: string;
  /** Media type of `href`. */
  type?: string;
  /** Where the entry replied to is. */
  href?: string;
}

/**
 * An Activity Streams object or target.
 *
 * From `rfc4287`.
 */
export interface ActivityObjectOut {
  /** Its id. */
  id?: string;
  /** Its type, e.g. `http://activitystrea.ms/schema/1.0/note`. */
  "object-type"?: string;
}

/**
 * An Activity Streams object or target.
 *
 * From `rfc4287`.
 */
export interface ActivityObjectIn {
  /** Its id. */
  id?: string;
  /** Its type, e.g. `http://activitystrea.ms/schema/1.0/note`. */
  "object-type"?: string;
}

/**
 * Activity Streams elements of an entry (written into the `<entry/>`).
 *
 * From `rfc4287`.
 */
export interface ActivityOut {
  /** What happened, e.g. `post`. */
  verb?: string;
  /** What it happened to. */
  object?: ActivityObjectOut;
  /** Where it happened. */
  target?: ActivityObjectOut;
}

/**
 * Activity Streams elements of an entry (written into the `<entry/>`).
 *
 * From `rfc4287`.
 */
export interface ActivityIn {
  /** What happened, e.g. `post`. */
  verb?: string;
  /** What it happened to. */
  object?: ActivityObjectIn;
  /** Where it happened. */
  target?: ActivityObjectIn;
}

/**
 * A review's rating (written into the `<entry/>`).
 *
 * From `rfc4287`.
 */
export interface ReviewOut {
  /**
   * The rating.
   *
   * Integer from -9223372036854775808 to 9223372036854775807.
   */
  rating?: number;
}

/**
 * A review's rating (written into the `<entry/>`).
 *
 * From `rfc4287`.
 */
export interface ReviewIn {
  /**
   * The rating.
   *
   * Integer from -9223372036854775808 to 9223372036854775807.
   */
  rating?: number;
}

/**
 * An Atom entry.
 *
 * From `rfc4287`.
 */
export interface AtomEntryOut {
  /** Permanent, unique id. */
  id?: string;
  /** Title. */
  title?: string;
  /** Summary. */
  summary?: string;
  /** Last change (RFC 3339). */
  updated?: string;
  /** First publication (RFC 3339). */
  published?: string;
  /**
   * The content: a string, or `{content, type?, lang?, base?}`.
   *
   * A string stands for `{ content: string }`.
   */
  content?: string | AtomContentOut;
  /** The author. */
  author?: AtomPersonOut;
  /** Contributors. */
  contributors?: AtomPersonOut[];
  /** Category terms. */
  categories?: string[];
  /** Links. */
  links?: AtomLinkOut[];
  /** What the entry replies to (RFC 4685). */
  "in-reply-to"?: ThreadRefOut;
  /** Activity Streams verb, object and target. */
  activity?: ActivityOut;
  /** A review rating. */
  review?: ReviewOut;
}

/**
 * An Atom entry.
 *
 * From `rfc4287`.
 */
export interface AtomEntryIn {
  /** Permanent, unique id. */
  id?: string;
  /** Title. */
  title?: string;
  /** Summary. */
  summary?: string;
  /** Last change (RFC 3339). */
  updated?: string;
  /** First publication (RFC 3339). */
  published?: string;
  /**
   * The content: a string, or `{content, type?, lang?, base?}`.
   *
   * A string stands for `{ content: string }`.
   */
  content?: AtomContentIn;
  /** The author. */
  author?: AtomPersonIn;
  /** Contributors. */
  contributors?: AtomPersonIn[];
  /** Category terms. */
  categories?: string[];
  /** Links. */
  links?: AtomLinkIn[];
  /** What the entry replies to (RFC 4685). */
  "in-reply-to"?: ThreadRefIn;
  /** Activity Streams verb, object and target. */
  activity?: ActivityIn;
  /** A review rating. */
  review?: ReviewIn;
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
 * An item's payload. Going out, a string is a plain body (`{body}`); an object gives one of `atom`, `json`, `tune` or `body`.
 *
 * From `xep-0060`.
 */
export interface PubsubPayloadOut {
  /** A plain-text body. */
  body?: string;
  /** An Atom entry (RFC 4287), with threading, Activity Streams and review extensions. */
  atom?: AtomEntryOut;
  /**
   * Any JSON value, carried as JSON text (XEP-0335).
   *
   * Any JSON value.
   */
  json?: unknown;
  /** A user tune (XEP-0118). */
  tune?: TuneOut;
}

/**
 * An item's payload. Going out, a string is a plain body (`{body}`); an object gives one of `atom`, `json`, `tune` or `body`.
 *
 * From `xep-0060`.
 */
export interface PubsubPayloadIn {
  /** A plain-text body. */
  body?: string;
  /** An Atom entry (RFC 4287), with threading, Activity Streams and review extensions. */
  atom?: AtomEntryIn;
  /**
   * Any JSON value, carried as JSON text (XEP-0335).
   *
   * Any JSON value.
   */
  json?: unknown;
  /** A user tune (XEP-0118). */
  tune?: TuneIn;
}

/**
 * An item of a node.
 *
 * From `xep-0060`.
 */
export interface PubsubItemOut {
  /** Item id. */
  id?: string;
  /**
   * Who published it, when the service says (a string, as in the original).
   *
   * A JID, kept as a string.
   */
  publisher?: string;
  /** The parsed payload. */
  entry?: PubsubPayloadOut;
}

/**
 * An item of a node.
 *
 * From `xep-0060`.
 */
export interface PubsubItemIn {
  /** Item id. */
  id?: string;
  /**
   * Who published it, when the service says (a string, as in the original).
   *
   * A JID, kept as a string.
   */
  publisher?: string;
  /** The parsed payload. */
  entry?: PubsubPayloadIn;
}

/**
 * A subscription's state.
 *
 * From `xep-0060`.
 */
export type SubscriptionState = "none" | "pending" | "subscribed" | "unconfigured";

/**
 * An entity's affiliation with a node.
 *
 * From `xep-0060`.
 */
export type PubsubAffiliation = "owner" | "publisher" | "publish-only" | "member" | "none" | "outcast";

/**
 * Whether the new subscription must be configured.
 *
 * From `xep-0060`.
 */
export interface SubscribeOptions {
  /**
   * `true`: configure it before items arrive.
   *
   * Present (as `true`) only when set.
   */
  required?: true;
}

/**
 * A stanza header (XEP-0131).
 *
 * From `xep-0060`.
 */
export interface ShimHeaderOut {
  /** Header name. */
  name: string;
  /** Header value. */
  value?: string;
}

/**
 * A stanza header (XEP-0131).
 *
 * From `xep-0060`.
 */
export interface ShimHeaderIn {
  /** Header name. */
  name: string;
  /** Header value. */
  value?: string;
}

/**
 * One affiliation.
 *
 * From `xep-0060`.
 */
export interface PubsubAffiliationEntry {
  /** The node. */
  node?: string;
  /** The affiliation. */
  affiliation?: PubsubAffiliation;
  /** Whose affiliation, when the service says. */
  jid?: Jid;
}

/**
 * One subscription.
 *
 * From `xep-0060`.
 */
export interface PubsubSubscriptionEntry {
  /** Its state. */
  subscription?: SubscriptionState;
  /** The subscriber. */
  jid?: Jid;
  /** The node. */
  node?: string;
  /** Subscription id. */
  id?: string;
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
 * The music the user is listening to; `{}` (an empty `<tune/>`) means they stopped.
 *
 * From `xep-0118`.
 */
export interface TuneOut {
  /** Artist or performer. */
  artist?: string;
  /**
   * Duration in seconds.
   *
   * Integer from 0 to 32767.
   */
  length?: number;
  /**
   * The user's rating, 1 to 10.
   *
   * Integer from 1 to 10.
   */
  rating?: number;
  /** Album or other collection. */
  source?: string;
  /** Title. */
  title?: string;
  /** Track number or other position. */
  track?: string;
  /** A URI for the tune. */
  uri?: string;
}

/**
 * The music the user is listening to; `{}` (an empty `<tune/>`) means they stopped.
 *
 * From `xep-0118`.
 */
export interface TuneIn {
  /** Artist or performer. */
  artist?: string;
  /**
   * Duration in seconds.
   *
   * Integer from 0 to 32767.
   */
  length?: number;
  /**
   * The user's rating, 1 to 10.
   *
   * Integer from 1 to 10.
   */
  rating?: number;
  /** Album or other collection. */
  source?: string;
  /** Title. */
  title?: string;
  /** Track number or other position. */
  track?: string;
  /** A URI for the tune. */
  uri?: string;
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
 * Create a node, optionally configured (`options`, a node_config form).
 *
 * `xmpp.pubsub.create`, browser → gateway, from `xep-0060`.
 * Callback: required.
 */
export interface XmppPubsubCreateOut {
  /** The pubsub service (or the user's own JID for PEP). */
  to: string;
  /** The node to create. */
  node: string;
  /** Node configuration fields. */
  options?: SubmittedField[];
}

/**
 * Delete a node (owners only), optionally pointing subscribers at another one.
 *
 * `xmpp.pubsub.delete`, browser → gateway, from `xep-0060`.
 * Callback: required.
 */
export interface XmppPubsubDeleteOut {
  /** The pubsub service. */
  to: string;
  /** The node to delete. */
  node: string;
  /** URI of a node to use instead (`xmpp:service?;node=…`). */
  redirect?: string;
}

/**
 * Delete every item of a node (owners only).
 *
 * `xmpp.pubsub.purge`, browser → gateway, from `xep-0060`.
 * Callback: required.
 */
export interface XmppPubsubPurgeOut {
  /** The pubsub service. */
  to: string;
  /** The node to purge. */
  node: string;
}

/**
 * Fetch a node's configuration form (owners only).
 *
 * `xmpp.pubsub.config.get`, browser → gateway, from `xep-0060`.
 * Callback: required.
 */
export interface XmppPubsubConfigGetOut {
  /** The pubsub service. */
  to: string;
  /** The node. */
  node: string;
}

/**
 * Change a node's configuration (owners only).
 *
 * `xmpp.pubsub.config.set`, browser → gateway, from `xep-0060`.
 * Callback: required.
 */
export interface XmppPubsubConfigSetOut {
  /** The pubsub service. */
  to: string;
  /** The node. */
  node: string;
  /** The changed configuration fields. */
  form: SubmittedField[];
}

/**
 * Subscribe to a node; `jid` defaults to the user's bare JID.
 *
 * `xmpp.pubsub.subscribe`, browser → gateway, from `xep-0060`.
 * Callback: required.
 */
export interface XmppPubsubSubscribeOut {
  /** The pubsub service. */
  to: string;
  /** The node. */
  node: string;
  /**
   * Who subscribes; filled in by the gateway when absent.
   *
   * A JID, kept as a string.
   */
  jid?: string;
}

/** What the `xmpp.pubsub.subscribe` callback receives on success. */
export interface XmppPubsubSubscribeResult {
  /** The state of the subscription (`pending` while the owner decides). */
  subscription?: SubscriptionState;
  /** Subscription id, when the service gives one. */
  id?: string;
  /** Present when the subscription can be configured. */
  configuration?: SubscribeOptions;
}

/**
 * Unsubscribe from a node; `jid` defaults to the user's bare JID.
 *
 * `xmpp.pubsub.unsubscribe`, browser → gateway, from `xep-0060`.
 * Callback: required.
 */
export interface XmppPubsubUnsubscribeOut {
  /** The pubsub service. */
  to: string;
  /** The node. */
  node: string;
  /**
   * Who unsubscribes; filled in by the gateway when absent.
   *
   * A JID, kept as a string.
   */
  jid?: string;
  /** Subscription id, for one of several subscriptions. */
  id?: string;
}

/**
 * Set an entity's subscription to a node (owners only): approve, cancel…
 *
 * `xmpp.pubsub.subscription`, browser → gateway, from `xep-0060`.
 * Callback: required.
 */
export interface XmppPubsubSubscriptionOut {
  /** The pubsub service. */
  to: string;
  /** The node. */
  node: string;
  /**
   * The subscriber.
   *
   * A JID, kept as a string.
   */
  jid: string;
  /** The new state. */
  subscription: SubscriptionState;
}

/**
 * List the user's subscriptions at a service (or to one node), a page at a time with `rsm`.
 *
 * `xmpp.pubsub.subscriptions`, browser → gateway, from `xep-0060`.
 * Callback: required.
 */
export interface XmppPubsubSubscriptionsOut {
  /** The pubsub service. */
  to: string;
  /** Only subscriptions to this node. */
  node?: string;
  /** Which page (XEP-0059). */
  rsm?: RsmOut;
}

/** What the `xmpp.pubsub.subscriptions` callback receives on success, one object per item. */
export interface XmppPubsubSubscriptionsResult {
  /** Its state. */
  subscription?: SubscriptionState;
  /** The subscriber. */
  jid?: Jid;
  /** The node. */
  node?: string;
  /** Subscription id. */
  id?: string;
}

/** The third argument of the `xmpp.pubsub.subscriptions` callback on success: Where the page sits in the whole list. */
export type XmppPubsubSubscriptionsRsm = RsmIn;

/**
 * Fetch the configuration form of a subscription; `jid` defaults to the user's full JID.
 *
 * `xmpp.pubsub.subscription.config.get`, browser → gateway, from `xep-0060`.
 * Callback: required.
 */
export interface XmppPubsubSubscriptionConfigGetOut {
  /** The pubsub service. */
  to: string;
  /** The node. */
  node: string;
  /**
   * The subscriber; filled in by the gateway when absent.
   *
   * A JID, kept as a string.
   */
  jid?: string;
  /** Subscription id. */
  id?: string;
}

/**
 * Fetch the default subscription options of a service or node.
 *
 * `xmpp.pubsub.subscription.config.default`, browser → gateway, from `xep-0060`.
 * Callback: required.
 */
export interface XmppPubsubSubscriptionConfigDefaultOut {
  /** The pubsub service. */
  to: string;
  /** The node; the service's defaults when absent. */
  node?: string;
}

/**
 * Change a subscription's options; `jid` defaults to the user's full JID.
 *
 * `xmpp.pubsub.subscription.config.set`, browser → gateway, from `xep-0060`.
 * Callback: required.
 */
export interface XmppPubsubSubscriptionConfigSetOut {
  /** The pubsub service. */
  to: string;
  /** The node. */
  node: string;
  /**
   * The subscriber; filled in by the gateway when absent.
   *
   * A JID, kept as a string.
   */
  jid?: string;
  /** Subscription id. */
  id?: string;
  /** The options to submit. */
  form: SubmittedField[];
}

/**
 * List the user's affiliations at a service (or with one node).
 *
 * `xmpp.pubsub.affiliations`, browser → gateway, from `xep-0060`.
 * Callback: required.
 */
export interface XmppPubsubAffiliationsOut {
  /** The pubsub service. */
  to: string;
  /** Only the affiliation with this node. */
  node?: string;
  /** Which page (XEP-0059). */
  rsm?: RsmOut;
}

/** What the `xmpp.pubsub.affiliations` callback receives on success, one object per item. */
export interface XmppPubsubAffiliationsResult {
  /** The node. */
  node?: string;
  /** The affiliation. */
  affiliation?: PubsubAffiliation;
  /** Whose affiliation, when the service says. */
  jid?: Jid;
}

/** The third argument of the `xmpp.pubsub.affiliations` callback on success: Where the page sits in the whole list. */
export type XmppPubsubAffiliationsRsm = RsmIn;

/**
 * Set an entity's affiliation with a node (owners only).
 *
 * `xmpp.pubsub.affiliation`, browser → gateway, from `xep-0060`.
 * Callback: required.
 */
export interface XmppPubsubAffiliationOut {
  /** The pubsub service. */
  to: string;
  /** The node. */
  node: string;
  /**
   * Whose affiliation.
   *
   * A JID, kept as a string.
   */
  jid: string;
  /** The new affiliation. */
  affiliation: PubsubAffiliation;
}

/**
 * Publish an item: `content` is a plain-text body or a payload object; the callback receives the item id.
 *
 * `xmpp.pubsub.publish`, browser → gateway, from `xep-0060`.
 * Callback: required.
 */
export interface XmppPubsubPublishOut {
  /** The pubsub service. */
  to: string;
  /** The node. */
  node: string;
  /** Item id; the service picks one when absent. */
  id?: string;
  /**
   * The payload: a string (a plain body), or `{atom}`, `{json}`, `{tune}` or `{body}`.
   *
   * A string stands for `{ body: string }`.
   */
  content?: string | PubsubPayloadOut;
  /** Publish options (preconditions). */
  options?: SubmittedField[];
}

/** What the `xmpp.pubsub.publish` callback receives on success. */
export interface XmppPubsubPublishResult {
  /** The item's id, when the service states it. */
  id?: string;
}

/**
 * Delete (retract) an item.
 *
 * `xmpp.pubsub.item.delete`, browser → gateway, from `xep-0060`.
 * Callback: required.
 */
export interface XmppPubsubItemDeleteOut {
  /** The pubsub service. */
  to: string;
  /** The node. */
  node: string;
  /** The item to delete. */
  id: string;
  /** Ask the service to notify subscribers. */
  notify?: boolean;
}

/**
 * Fetch items of a node: all, the latest `maxItems`, those with the ids `id`, or a page (`rsm`).
 *
 * `xmpp.pubsub.retrieve`, browser → gateway, from `xep-0060`.
 * Callback: required.
 */
export interface XmppPubsubRetrieveOut {
  /** The pubsub service. */
  to: string;
  /** The node. */
  node: string;
  /** Only the items with these ids. */
  id?: string[];
  /**
   * Only the latest items, at most this many.
   *
   * Integer from 1 to 9223372036854775807.
   */
  maxItems?: number;
  /** Which page (XEP-0059). */
  rsm?: RsmOut;
}

/** What the `xmpp.pubsub.retrieve` callback receives on success, one object per item. */
export interface XmppPubsubRetrieveResult {
  /** Item id. */
  id?: string;
  /**
   * Who published it, when the service says (a string, as in the original).
   *
   * A JID, kept as a string.
   */
  publisher?: string;
  /** The parsed payload. */
  entry?: PubsubPayloadIn;
}

/** The third argument of the `xmpp.pubsub.retrieve` callback on success: Where the page sits in the whole list. */
export type XmppPubsubRetrieveRsm = RsmIn;

/**
 * A node the user subscribes to has a new or changed item (the first item of the notification).
 *
 * `xmpp.pubsub.push.item`, gateway → browser, from `xep-0060`.
 */
export interface XmppPubsubPushItemIn {
  /**
   * The service (a string, as in the original).
   *
   * A JID, kept as a string.
   */
  from?: string;
  /** The node. */
  node?: string;
  /** Item id. */
  id?: string;
  /** Who published it, when the service says. */
  publisher?: Jid;
  /** The parsed payload (`{}` when the notification carries none). */
  entry?: PubsubPayloadIn;
  /** Stanza headers (XEP-0131), e.g. `SubID`. */
  headers?: ShimHeaderIn[];
  /**
   * When it was published, for a notification sent later.
   *
   * An XEP-0082 date-time.
   */
  delay?: string;
}

/**
 * An item of a node was deleted.
 *
 * `xmpp.pubsub.push.retract`, gateway → browser, from `xep-0060`.
 */
export interface XmppPubsubPushRetractIn {
  /**
   * The service.
   *
   * A JID, kept as a string.
   */
  from?: string;
  /** The node. */
  node?: string;
  /** The deleted item's id. */
  id?: string;
  /** Stanza headers (XEP-0131). */
  headers?: ShimHeaderIn[];
}

/**
 * The user's subscription to a node changed (approved, cancelled…).
 *
 * `xmpp.pubsub.push.subscription`, gateway → browser, from `xep-0060`.
 */
export interface XmppPubsubPushSubscriptionIn {
  /**
   * The service.
   *
   * A JID, kept as a string.
   */
  from?: string;
  /** The node. */
  node?: string;
  /** The new state. */
  subscription?: SubscriptionState;
  /** The subscriber. */
  jid?: Jid;
}

/**
 * The user's affiliation with a node changed (XEP-0060 §8.9.4: a `<pubsub/>` element in a message).
 *
 * `xmpp.pubsub.push.affiliation`, gateway → browser, from `xep-0060`.
 */
export interface XmppPubsubPushAffiliationIn {
  /**
   * The service.
   *
   * A JID, kept as a string.
   */
  from?: string;
  /** The node. */
  node?: string;
  /** The new affiliation. */
  affiliation?: PubsubAffiliation;
  /** Whose affiliation. */
  jid?: Jid;
}

/**
 * A node's configuration changed; with the new configuration when the service includes it.
 *
 * `xmpp.pubsub.push.configuration`, gateway → browser, from `xep-0060`.
 */
export interface XmppPubsubPushConfigurationIn {
  /**
   * The service.
   *
   * A JID, kept as a string.
   */
  from?: string;
  /** The node. */
  node?: string;
  /** The new configuration. */
  configuration?: DataForm;
}

/**
 * A node was deleted.
 *
 * `xmpp.pubsub.push.delete`, gateway → browser, from `xep-0060`.
 */
export interface XmppPubsubPushDeleteIn {
  /**
   * The service.
   *
   * A JID, kept as a string.
   */
  from?: string;
  /** The node. */
  node?: string;
  /** URI of the node to use instead. */
  redirect?: string;
}

/**
 * Every item of a node was deleted.
 *
 * `xmpp.pubsub.push.purge`, gateway → browser, from `xep-0060`.
 */
export interface XmppPubsubPushPurgeIn {
  /**
   * The service.
   *
   * A JID, kept as a string.
   */
  from?: string;
  /** The node. */
  node?: string;
}

/**
 * A node owner is asked to approve a subscription (XEP-0060 §8.6): the form names the node and the subscriber.
 *
 * `xmpp.pubsub.push.authorisation`, gateway → browser, from `xep-0060`.
 */
export interface XmppPubsubPushAuthorisationIn {
  /**
   * The service.
   *
   * A JID, kept as a string.
   */
  from?: string;
  /** Id of the request; the answer carries it. */
  id?: string;
  /** The request: `pubsub#node`, `pubsub#subscriber_jid`, `pubsub#allow`… */
  form: DataForm;
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
  "xmpp.pubsub.create": XmppPubsubCreateOut;
  "xmpp.pubsub.delete": XmppPubsubDeleteOut;
  "xmpp.pubsub.purge": XmppPubsubPurgeOut;
  "xmpp.pubsub.config.get": XmppPubsubConfigGetOut;
  "xmpp.pubsub.config.set": XmppPubsubConfigSetOut;
  "xmpp.pubsub.subscribe": XmppPubsubSubscribeOut;
  "xmpp.pubsub.unsubscribe": XmppPubsubUnsubscribeOut;
  "xmpp.pubsub.subscription": XmppPubsubSubscriptionOut;
  "xmpp.pubsub.subscriptions": XmppPubsubSubscriptionsOut;
  "xmpp.pubsub.subscription.config.get": XmppPubsubSubscriptionConfigGetOut;
  "xmpp.pubsub.subscription.config.default": XmppPubsubSubscriptionConfigDefaultOut;
  "xmpp.pubsub.subscription.config.set": XmppPubsubSubscriptionConfigSetOut;
  "xmpp.pubsub.affiliations": XmppPubsubAffiliationsOut;
  "xmpp.pubsub.affiliation": XmppPubsubAffiliationOut;
  "xmpp.pubsub.publish": XmppPubsubPublishOut;
  "xmpp.pubsub.item.delete": XmppPubsubItemDeleteOut;
  "xmpp.pubsub.retrieve": XmppPubsubRetrieveOut;
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
  "xmpp.pubsub.push.item": XmppPubsubPushItemIn;
  "xmpp.pubsub.push.retract": XmppPubsubPushRetractIn;
  "xmpp.pubsub.push.subscription": XmppPubsubPushSubscriptionIn;
  "xmpp.pubsub.push.affiliation": XmppPubsubPushAffiliationIn;
  "xmpp.pubsub.push.configuration": XmppPubsubPushConfigurationIn;
  "xmpp.pubsub.push.delete": XmppPubsubPushDeleteIn;
  "xmpp.pubsub.push.purge": XmppPubsubPushPurgeIn;
  "xmpp.pubsub.push.authorisation": XmppPubsubPushAuthorisationIn;
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
  "xmpp.pubsub.create": true;
  "xmpp.pubsub.delete": true;
  "xmpp.pubsub.purge": true;
  "xmpp.pubsub.config.get": DataForm;
  "xmpp.pubsub.config.set": true;
  "xmpp.pubsub.subscribe": XmppPubsubSubscribeResult;
  "xmpp.pubsub.unsubscribe": true;
  "xmpp.pubsub.subscription": true;
  "xmpp.pubsub.subscriptions": XmppPubsubSubscriptionsResult[];
  "xmpp.pubsub.subscription.config.get": DataForm;
  "xmpp.pubsub.subscription.config.default": DataForm;
  "xmpp.pubsub.subscription.config.set": true;
  "xmpp.pubsub.affiliations": XmppPubsubAffiliationsResult[];
  "xmpp.pubsub.affiliation": true;
  "xmpp.pubsub.publish": XmppPubsubPublishResult;
  "xmpp.pubsub.item.delete": true;
  "xmpp.pubsub.retrieve": XmppPubsubRetrieveResult[];
}
