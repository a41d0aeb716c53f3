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
 * Kind of message; `normal` is what a message without a type means. Live room messages are `xmpp.muc.message` events; `groupchat` is seen in room messages forwarded from an archive.
 *
 * From `rfc6121-chat`.
 */
export type MessageType = "chat" | "normal" | "headline" | "groupchat";

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
 * An XML-RPC value type.
 *
 * From `xep-0009`.
 */
export type RpcType = "boolean" | "i4" | "int" | "double" | "string" | "base64" | "dateTime.iso8601" | "array" | "struct";

/**
 * An XML-RPC value `{type, value}`: `value` is a number for integers and booleans, an array of values for `array`, an array of members for `struct`, else a string.
 *
 * From `xep-0009`.
 */
export interface RpcValueOut {
  /**
   * A string value without a type element.
   *
   * `1` (true) or `0` (false), as XML-RPC writes booleans.
   *
   * Integer from 0 to 1.
   *
   * A 32-bit integer.
   *
   * Integer from -2147483648 to 2147483647.
   *
   * A 32-bit integer.
   *
   * Integer from -2147483648 to 2147483647.
   *
   * A floating-point number, as its decimal text.
   *
   * At most 64 characters.
   *
   * Text.
   *
   * Base64-encoded binary data.
   *
   * A date and time, e.g. `19980717T14:08:55`.
   *
   * At most 64 characters.
   *
   * The items, each a value.
   *
   * The members, each a named value.
   */
  value?: string | number | RpcValueOut[] | RpcMemberOut[];
  /**
   * The value's XML-RPC type; a value without one is a string.
   *
   * @default "string"
   */
  type?: RpcType;
}

/**
 * An XML-RPC value `{type, value}`: `value` is a number for integers and booleans, an array of values for `array`, an array of members for `struct`, else a string.
 *
 * From `xep-0009`.
 */
export interface RpcValueIn {
  /**
   * A string value without a type element.
   *
   * `1` (true) or `0` (false), as XML-RPC writes booleans.
   *
   * Integer from 0 to 1.
   *
   * A 32-bit integer.
   *
   * Integer from -2147483648 to 2147483647.
   *
   * A 32-bit integer.
   *
   * Integer from -2147483648 to 2147483647.
   *
   * A floating-point number, as its decimal text.
   *
   * At most 64 characters.
   *
   * Text.
   *
   * Base64-encoded binary data.
   *
   * A date and time, e.g. `19980717T14:08:55`.
   *
   * At most 64 characters.
   *
   * The items, each a value.
   *
   * The members, each a named value.
   */
  value?: string | number | RpcValueIn[] | RpcMemberIn[];
  /**
   * The value's XML-RPC type; a value without one is a string.
   *
   * @default "string"
   */
  type?: RpcType;
}

/**
 * A struct member: a value with a `name`.
 *
 * From `xep-0009`.
 */
export interface RpcMemberOut {
  /** The member's name. */
  name: string;
  /**
   * A string value without a type element.
   *
   * `1` (true) or `0` (false), as XML-RPC writes booleans.
   *
   * Integer from 0 to 1.
   *
   * A 32-bit integer.
   *
   * Integer from -2147483648 to 2147483647.
   *
   * A 32-bit integer.
   *
   * Integer from -2147483648 to 2147483647.
   *
   * A floating-point number, as its decimal text.
   *
   * At most 64 characters.
   *
   * Text.
   *
   * Base64-encoded binary data.
   *
   * A date and time, e.g. `19980717T14:08:55`.
   *
   * At most 64 characters.
   *
   * The items, each a value.
   *
   * The members, each a named value.
   */
  value?: string | number | RpcValueOut[] | RpcMemberOut[];
  /**
   * The value's XML-RPC type; a value without one is a string.
   *
   * @default "string"
   */
  type?: RpcType;
}

/**
 * A struct member: a value with a `name`.
 *
 * From `xep-0009`.
 */
export interface RpcMemberIn {
  /** The member's name. */
  name: string;
  /**
   * A string value without a type element.
   *
   * `1` (true) or `0` (false), as XML-RPC writes booleans.
   *
   * Integer from 0 to 1.
   *
   * A 32-bit integer.
   *
   * Integer from -2147483648 to 2147483647.
   *
   * A 32-bit integer.
   *
   * Integer from -2147483648 to 2147483647.
   *
   * A floating-point number, as its decimal text.
   *
   * At most 64 characters.
   *
   * Text.
   *
   * Base64-encoded binary data.
   *
   * A date and time, e.g. `19980717T14:08:55`.
   *
   * At most 64 characters.
   *
   * The items, each a value.
   *
   * The members, each a named value.
   */
  value?: string | number | RpcValueIn[] | RpcMemberIn[];
  /**
   * The value's XML-RPC type; a value without one is a string.
   *
   * @default "string"
   */
  type?: RpcType;
}

/**
 * A method parameter or result: one value, inside `<param/>`.
 *
 * From `xep-0009`.
 */
export interface RpcParamOut {
  /**
   * A string value without a type element.
   *
   * `1` (true) or `0` (false), as XML-RPC writes booleans.
   *
   * Integer from 0 to 1.
   *
   * A 32-bit integer.
   *
   * Integer from -2147483648 to 2147483647.
   *
   * A 32-bit integer.
   *
   * Integer from -2147483648 to 2147483647.
   *
   * A floating-point number, as its decimal text.
   *
   * At most 64 characters.
   *
   * Text.
   *
   * Base64-encoded binary data.
   *
   * A date and time, e.g. `19980717T14:08:55`.
   *
   * At most 64 characters.
   *
   * The items, each a value.
   *
   * The members, each a named value.
   */
  value?: string | number | RpcValueOut[] | RpcMemberOut[];
  /**
   * The value's XML-RPC type; a value without one is a string.
   *
   * @default "string"
   */
  type?: RpcType;
}

/**
 * A method parameter or result: one value, inside `<param/>`.
 *
 * From `xep-0009`.
 */
export interface RpcParamIn {
  /**
   * A string value without a type element.
   *
   * `1` (true) or `0` (false), as XML-RPC writes booleans.
   *
   * Integer from 0 to 1.
   *
   * A 32-bit integer.
   *
   * Integer from -2147483648 to 2147483647.
   *
   * A 32-bit integer.
   *
   * Integer from -2147483648 to 2147483647.
   *
   * A floating-point number, as its decimal text.
   *
   * At most 64 characters.
   *
   * Text.
   *
   * Base64-encoded binary data.
   *
   * A date and time, e.g. `19980717T14:08:55`.
   *
   * At most 64 characters.
   *
   * The items, each a value.
   *
   * The members, each a named value.
   */
  value?: string | number | RpcValueIn[] | RpcMemberIn[];
  /**
   * The value's XML-RPC type; a value without one is a string.
   *
   * @default "string"
   */
  type?: RpcType;
}

/**
 * An XML-RPC fault `{code, string}`: the `faultCode` and `faultString` members of the struct in `<fault/>`.
 *
 * From `xep-0009`.
 */
export interface RpcFaultOut {
  /**
   * The fault code (`faultCode`, an `int`).
   *
   * Integer from -2147483648 to 2147483647.
   */
  code: number;
  /** What went wrong (`faultString`). */
  string: string;
}

/**
 * An XML-RPC fault `{code, string}`: the `faultCode` and `faultString` members of the struct in `<fault/>`.
 *
 * From `xep-0009`.
 */
export interface RpcFaultIn {
  /**
   * The fault code (`faultCode`, an `int`).
   *
   * Integer from -2147483648 to 2147483647.
   */
  code: number;
  /** What went wrong (`faultString`). */
  string: string;
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
 * A user in a room's role or affiliation list.
 *
 * From `xep-0045`.
 */
export interface AdminItem {
  /** Affiliation. */
  affiliation?: Affiliation;
  /** Real JID, when the room shows it. */
  jid?: Jid;
  /**
   * Nickname (in role lists), or the reserved nickname (in affiliation lists).
   *
   * A JID resource (MUC nickname).
   */
  nick?: string;
  /** Role, for occupants. */
  role?: Role;
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
 * An action the user may take next, as an element of `<actions/>`.
 *
 * From `xep-0050`.
 */
export type CommandStep = "prev" | "next" | "complete";

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
  /** The steps allowed, as the original listed them: `prev`, `next`, `complete`. */
  values?: CommandStep[];
}

/**
 * The actions the user may take next.
 *
 * From `xep-0050`.
 */
export interface CommandActionsIn {
  /** The action `execute` means here. */
  execute?: CommandStepName;
  /** The steps allowed, as the original listed them: `prev`, `next`, `complete`. */
  values?: CommandStep[];
}

/**
 * The structured name (`<N/>`).
 *
 * From `xep-0054`.
 */
export interface VcardNameOut {
  /**
   * Family name.
   *
   * At most 1024 characters.
   */
  family?: string;
  /**
   * Given name.
   *
   * At most 1024 characters.
   */
  given?: string;
  /**
   * Middle name(s).
   *
   * At most 1024 characters.
   */
  middle?: string;
  /**
   * Honorific prefix, e.g. `Dr.`.
   *
   * At most 1024 characters.
   */
  prefix?: string;
  /**
   * Honorific suffix, e.g. `Jr.`.
   *
   * At most 1024 characters.
   */
  suffix?: string;
}

/**
 * The structured name (`<N/>`).
 *
 * From `xep-0054`.
 */
export interface VcardNameIn {
  /**
   * Family name.
   *
   * At most 1024 characters.
   */
  family?: string;
  /**
   * Given name.
   *
   * At most 1024 characters.
   */
  given?: string;
  /**
   * Middle name(s).
   *
   * At most 1024 characters.
   */
  middle?: string;
  /**
   * Honorific prefix, e.g. `Dr.`.
   *
   * At most 1024 characters.
   */
  prefix?: string;
  /**
   * Honorific suffix, e.g. `Jr.`.
   *
   * At most 1024 characters.
   */
  suffix?: string;
}

/**
 * An e-mail address (`<EMAIL/>`); the flags are vcard-temp's empty marker elements.
 *
 * From `xep-0054`.
 */
export interface VcardEmailOut {
  /**
   * The address.
   *
   * At most 1024 characters.
   */
  address: string;
  /**
   * A home address (`<HOME/>`).
   *
   * Present (as `true`) only when set.
   */
  home?: true;
  /**
   * A work address (`<WORK/>`).
   *
   * Present (as `true`) only when set.
   */
  work?: true;
  /**
   * An Internet address (`<INTERNET/>`).
   *
   * Present (as `true`) only when set.
   */
  internet?: true;
  /**
   * The preferred address (`<PREF/>`).
   *
   * Present (as `true`) only when set.
   */
  preferred?: true;
}

/**
 * An e-mail address (`<EMAIL/>`); the flags are vcard-temp's empty marker elements.
 *
 * From `xep-0054`.
 */
export interface VcardEmailIn {
  /**
   * The address.
   *
   * At most 1024 characters.
   */
  address: string;
  /**
   * A home address (`<HOME/>`).
   *
   * Present (as `true`) only when set.
   */
  home?: true;
  /**
   * A work address (`<WORK/>`).
   *
   * Present (as `true`) only when set.
   */
  work?: true;
  /**
   * An Internet address (`<INTERNET/>`).
   *
   * Present (as `true`) only when set.
   */
  internet?: true;
  /**
   * The preferred address (`<PREF/>`).
   *
   * Present (as `true`) only when set.
   */
  preferred?: true;
}

/**
 * A telephone number (`<TEL/>`); the flags are vcard-temp's empty marker elements.
 *
 * From `xep-0054`.
 */
export interface VcardTelephoneOut {
  /**
   * The number.
   *
   * At most 1024 characters.
   */
  number: string;
  /**
   * At home (`<HOME/>`).
   *
   * Present (as `true`) only when set.
   */
  home?: true;
  /**
   * At work (`<WORK/>`).
   *
   * Present (as `true`) only when set.
   */
  work?: true;
  /**
   * A voice line (`<VOICE/>`).
   *
   * Present (as `true`) only when set.
   */
  voice?: true;
  /**
   * A fax (`<FAX/>`).
   *
   * Present (as `true`) only when set.
   */
  fax?: true;
  /**
   * A pager (`<PAGER/>`).
   *
   * Present (as `true`) only when set.
   */
  pager?: true;
  /**
   * Takes messages (`<MSG/>`).
   *
   * Present (as `true`) only when set.
   */
  messaging?: true;
  /**
   * A mobile phone (`<CELL/>`).
   *
   * Present (as `true`) only when set.
   */
  cell?: true;
  /**
   * A video phone (`<VIDEO/>`).
   *
   * Present (as `true`) only when set.
   */
  video?: true;
  /**
   * The preferred number (`<PREF/>`).
   *
   * Present (as `true`) only when set.
   */
  preferred?: true;
}

/**
 * A telephone number (`<TEL/>`); the flags are vcard-temp's empty marker elements.
 *
 * From `xep-0054`.
 */
export interface VcardTelephoneIn {
  /**
   * The number.
   *
   * At most 1024 characters.
   */
  number: string;
  /**
   * At home (`<HOME/>`).
   *
   * Present (as `true`) only when set.
   */
  home?: true;
  /**
   * At work (`<WORK/>`).
   *
   * Present (as `true`) only when set.
   */
  work?: true;
  /**
   * A voice line (`<VOICE/>`).
   *
   * Present (as `true`) only when set.
   */
  voice?: true;
  /**
   * A fax (`<FAX/>`).
   *
   * Present (as `true`) only when set.
   */
  fax?: true;
  /**
   * A pager (`<PAGER/>`).
   *
   * Present (as `true`) only when set.
   */
  pager?: true;
  /**
   * Takes messages (`<MSG/>`).
   *
   * Present (as `true`) only when set.
   */
  messaging?: true;
  /**
   * A mobile phone (`<CELL/>`).
   *
   * Present (as `true`) only when set.
   */
  cell?: true;
  /**
   * A video phone (`<VIDEO/>`).
   *
   * Present (as `true`) only when set.
   */
  video?: true;
  /**
   * The preferred number (`<PREF/>`).
   *
   * Present (as `true`) only when set.
   */
  preferred?: true;
}

/**
 * A postal address (`<ADR/>`); the flags are vcard-temp's empty marker elements.
 *
 * From `xep-0054`.
 */
export interface VcardAddressOut {
  /**
   * Post office box.
   *
   * At most 1024 characters.
   */
  poBox?: string;
  /**
   * Extended address, e.g. a suite or apartment.
   *
   * At most 1024 characters.
   */
  extendedAddress?: string;
  /**
   * Street and number.
   *
   * At most 1024 characters.
   */
  street?: string;
  /**
   * City or town.
   *
   * At most 1024 characters.
   */
  locality?: string;
  /**
   * State, province or region.
   *
   * At most 1024 characters.
   */
  region?: string;
  /**
   * Postal code.
   *
   * At most 1024 characters.
   */
  postalCode?: string;
  /**
   * Country.
   *
   * At most 1024 characters.
   */
  country?: string;
  /**
   * A home address (`<HOME/>`).
   *
   * Present (as `true`) only when set.
   */
  home?: true;
  /**
   * A work address (`<WORK/>`).
   *
   * Present (as `true`) only when set.
   */
  work?: true;
  /**
   * For postal delivery (`<POSTAL/>`).
   *
   * Present (as `true`) only when set.
   */
  postal?: true;
  /**
   * For parcels (`<PARCEL/>`).
   *
   * Present (as `true`) only when set.
   */
  parcel?: true;
  /**
   * A domestic address (`<DOM/>`).
   *
   * Present (as `true`) only when set.
   */
  domestic?: true;
  /**
   * An international address (`<INTL/>`).
   *
   * Present (as `true`) only when set.
   */
  international?: true;
  /**
   * The preferred address (`<PREF/>`).
   *
   * Present (as `true`) only when set.
   */
  preferred?: true;
}

/**
 * A postal address (`<ADR/>`); the flags are vcard-temp's empty marker elements.
 *
 * From `xep-0054`.
 */
export interface VcardAddressIn {
  /**
   * Post office box.
   *
   * At most 1024 characters.
   */
  poBox?: string;
  /**
   * Extended address, e.g. a suite or apartment.
   *
   * At most 1024 characters.
   */
  extendedAddress?: string;
  /**
   * Street and number.
   *
   * At most 1024 characters.
   */
  street?: string;
  /**
   * City or town.
   *
   * At most 1024 characters.
   */
  locality?: string;
  /**
   * State, province or region.
   *
   * At most 1024 characters.
   */
  region?: string;
  /**
   * Postal code.
   *
   * At most 1024 characters.
   */
  postalCode?: string;
  /**
   * Country.
   *
   * At most 1024 characters.
   */
  country?: string;
  /**
   * A home address (`<HOME/>`).
   *
   * Present (as `true`) only when set.
   */
  home?: true;
  /**
   * A work address (`<WORK/>`).
   *
   * Present (as `true`) only when set.
   */
  work?: true;
  /**
   * For postal delivery (`<POSTAL/>`).
   *
   * Present (as `true`) only when set.
   */
  postal?: true;
  /**
   * For parcels (`<PARCEL/>`).
   *
   * Present (as `true`) only when set.
   */
  parcel?: true;
  /**
   * A domestic address (`<DOM/>`).
   *
   * Present (as `true`) only when set.
   */
  domestic?: true;
  /**
   * An international address (`<INTL/>`).
   *
   * Present (as `true`) only when set.
   */
  international?: true;
  /**
   * The preferred address (`<PREF/>`).
   *
   * Present (as `true`) only when set.
   */
  preferred?: true;
}

/**
 * The organisation (`<ORG/>`).
 *
 * From `xep-0054`.
 */
export interface VcardOrganizationOut {
  /**
   * Organisation name.
   *
   * At most 1024 characters.
   */
  name?: string;
  /**
   * Organisational units, outermost first.
   *
   * At most 1024 characters.
   */
  unit?: string[];
}

/**
 * The organisation (`<ORG/>`).
 *
 * From `xep-0054`.
 */
export interface VcardOrganizationIn {
  /**
   * Organisation name.
   *
   * At most 1024 characters.
   */
  name?: string;
  /**
   * Organisational units, outermost first.
   *
   * At most 1024 characters.
   */
  unit?: string[];
}

/**
 * A photo or avatar (`<PHOTO/>`): inline data with its media type, or a link.
 *
 * From `xep-0054`.
 */
export interface VcardPhotoOut {
  /**
   * Media type of `data`, e.g. `image/png`.
   *
   * At most 256 characters.
   */
  type?: string;
  /**
   * The image, base64-encoded (`<BINVAL/>`).
   *
   * At most 1048576 characters.
   */
  data?: string;
  /**
   * Where the image is, instead of `data` (`<EXTVAL/>`).
   *
   * At most 4096 characters.
   */
  url?: string;
}

/**
 * A photo or avatar (`<PHOTO/>`): inline data with its media type, or a link.
 *
 * From `xep-0054`.
 */
export interface VcardPhotoIn {
  /**
   * Media type of `data`, e.g. `image/png`.
   *
   * At most 256 characters.
   */
  type?: string;
  /**
   * The image, base64-encoded (`<BINVAL/>`).
   *
   * At most 1048576 characters.
   */
  data?: string;
  /**
   * Where the image is, instead of `data` (`<EXTVAL/>`).
   *
   * At most 4096 characters.
   */
  url?: string;
}

/**
 * A vCard: the common vcard-temp fields, under camelCase keys.
 *
 * From `xep-0054`.
 */
export interface VcardOut {
  /**
   * Formatted full name (`<FN/>`).
   *
   * At most 1024 characters.
   */
  fullName?: string;
  /** Structured name (`<N/>`). */
  name?: VcardNameOut;
  /**
   * Nickname (`<NICKNAME/>`).
   *
   * At most 1024 characters.
   */
  nickname?: string;
  /**
   * Home page (`<URL/>`).
   *
   * At most 4096 characters.
   */
  url?: string;
  /**
   * Birthday, ISO 8601 (`<BDAY/>`, e.g. `1597-07-31`).
   *
   * At most 64 characters.
   */
  birthday?: string;
  /**
   * XMPP address (`<JABBERID/>`).
   *
   * A JID, kept as a string.
   */
  jid?: string;
  /** E-mail addresses (`<EMAIL/>`). */
  emails?: VcardEmailOut[];
  /** Telephone numbers (`<TEL/>`). */
  telephones?: VcardTelephoneOut[];
  /** Postal addresses (`<ADR/>`). */
  addresses?: VcardAddressOut[];
  /** Organisation (`<ORG/>`). */
  organization?: VcardOrganizationOut;
  /**
   * Job title (`<TITLE/>`).
   *
   * At most 1024 characters.
   */
  title?: string;
  /**
   * Role or occupation (`<ROLE/>`).
   *
   * At most 1024 characters.
   */
  role?: string;
  /**
   * A note (`<NOTE/>`).
   *
   * At most 65536 characters.
   */
  note?: string;
  /**
   * Free-form description (`<DESC/>`).
   *
   * At most 65536 characters.
   */
  description?: string;
  /** Photo or avatar (`<PHOTO/>`). */
  photo?: VcardPhotoOut;
}

/**
 * A vCard: the common vcard-temp fields, under camelCase keys.
 *
 * From `xep-0054`.
 */
export interface VcardIn {
  /**
   * Formatted full name (`<FN/>`).
   *
   * At most 1024 characters.
   */
  fullName?: string;
  /** Structured name (`<N/>`). */
  name?: VcardNameIn;
  /**
   * Nickname (`<NICKNAME/>`).
   *
   * At most 1024 characters.
   */
  nickname?: string;
  /**
   * Home page (`<URL/>`).
   *
   * At most 4096 characters.
   */
  url?: string;
  /**
   * Birthday, ISO 8601 (`<BDAY/>`, e.g. `1597-07-31`).
   *
   * At most 64 characters.
   */
  birthday?: string;
  /**
   * XMPP address (`<JABBERID/>`).
   *
   * A JID, kept as a string.
   */
  jid?: string;
  /** E-mail addresses (`<EMAIL/>`). */
  emails?: VcardEmailIn[];
  /** Telephone numbers (`<TEL/>`). */
  telephones?: VcardTelephoneIn[];
  /** Postal addresses (`<ADR/>`). */
  addresses?: VcardAddressIn[];
  /** Organisation (`<ORG/>`). */
  organization?: VcardOrganizationIn;
  /**
   * Job title (`<TITLE/>`).
   *
   * At most 1024 characters.
   */
  title?: string;
  /**
   * Role or occupation (`<ROLE/>`).
   *
   * At most 1024 characters.
   */
  role?: string;
  /**
   * A note (`<NOTE/>`).
   *
   * At most 65536 characters.
   */
  note?: string;
  /**
   * Free-form description (`<DESC/>`).
   *
   * At most 65536 characters.
   */
  description?: string;
  /** Photo or avatar (`<PHOTO/>`). */
  photo?: VcardPhotoIn;
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
 * Which stanza carried the request: an IQ (answered by its id) or a message (answered by its thread).
 *
 * From `xep-0070`.
 */
export type HttpStanza = "iq" | "message";

/**
 * The HTTP request to confirm, as the HTTP server describes it.
 *
 * From `xep-0070`.
 */
export interface HttpRequestOut {
  /**
   * Transaction identifier the user was shown.
   *
   * At most 1024 characters.
   */
  id: string;
  /**
   * HTTP method, e.g. `GET`.
   *
   * At most 64 characters.
   */
  method: string;
  /**
   * The requested URL.
   *
   * At most 8192 characters.
   */
  url: string;
}

/**
 * The HTTP request to confirm, as the HTTP server describes it.
 *
 * From `xep-0070`.
 */
export interface HttpRequestIn {
  /**
   * Transaction identifier the user was shown.
   *
   * At most 1024 characters.
   */
  id: string;
  /**
   * HTTP method, e.g. `GET`.
   *
   * At most 64 characters.
   */
  method: string;
  /**
   * The requested URL.
   *
   * At most 8192 characters.
   */
  url: string;
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
 * What a Jingle request does (XEP-0166 §7.2).
 *
 * From `xep-0166`.
 */
export type JingleAction = "content-accept" | "content-add" | "content-modify" | "content-reject" | "content-remove" | "description-info" | "security-info" | "session-accept" | "session-info" | "session-initiate" | "session-terminate" | "transport-accept" | "transport-info" | "transport-reject" | "transport-replace";

/**
 * Which party created a content.
 *
 * From `xep-0166`.
 */
export type JingleCreator = "initiator" | "responder";

/**
 * Which parties send media for a content.
 *
 * From `xep-0166`.
 */
export type JingleSenders = "both" | "initiator" | "none" | "responder";

/**
 * A group of contents, e.g. those bundled on one transport (RFC 5888).
 *
 * From `xep-0166`.
 */
export interface JingleGroupingOut {
  /** Semantics, e.g. `BUNDLE`. */
  type: string;
  /** Names of the grouped contents. */
  contents?: string[];
}

/**
 * A group of contents, e.g. those bundled on one transport (RFC 5888).
 *
 * From `xep-0166`.
 */
export interface JingleGroupingIn {
  /** Semantics, e.g. `BUNDLE`. */
  type: string;
  /** Names of the grouped contents. */
  contents?: string[];
}

/**
 * One content of a session: what is exchanged (`description`) and how (`transport`).
 *
 * From `xep-0166`.
 */
export interface JingleContentOut {
  /**
   * The content's name, unique in the session.
   *
   * At most 1024 characters.
   */
  name: string;
  /** Who created the content. */
  creator: JingleCreator;
  /** Who sends media (both when absent). */
  senders?: JingleSenders;
  /** How the content is to be interpreted (`session` when absent). */
  disposition?: string;
  /** An RTP description (XEP-0167). */
  description?: JingleRtpDescriptionOut;
  /** An ICE-UDP transport (XEP-0176). */
  transport?: JingleIceTransportOut;
}

/**
 * One content of a session: what is exchanged (`description`) and how (`transport`).
 *
 * From `xep-0166`.
 */
export interface JingleContentIn {
  /**
   * The content's name, unique in the session.
   *
   * At most 1024 characters.
   */
  name: string;
  /** Who created the content. */
  creator: JingleCreator;
  /** Who sends media (both when absent). */
  senders?: JingleSenders;
  /** How the content is to be interpreted (`session` when absent). */
  disposition?: string;
  /** An RTP description (XEP-0167). */
  description?: JingleRtpDescriptionIn;
  /** An ICE-UDP transport (XEP-0176). */
  transport?: JingleIceTransportIn;
}

/**
 * Why a session or content ends (XEP-0166 §7.4).
 *
 * From `xep-0166`.
 */
export type JingleReasonCondition = "alternative-session" | "busy" | "cancel" | "connectivity-error" | "decline" | "expired" | "failed-application" | "failed-transport" | "general-error" | "gone" | "incompatible-parameters" | "media-error" | "security-error" | "success" | "timeout" | "unsupported-applications" | "unsupported-transports";

/**
 * Why a session ends or a content is rejected: `{condition, text?}`.
 *
 * From `xep-0166`.
 */
export interface JingleReasonOut {
  /** The reason, e.g. `success` or `busy`. */
  condition: JingleReasonCondition;
  /**
   * Human-readable words about it.
   *
   * At most 4096 characters.
   */
  text?: string;
}

/**
 * Why a session ends or a content is rejected: `{condition, text?}`.
 *
 * From `xep-0166`.
 */
export interface JingleReasonIn {
  /** The reason, e.g. `success` or `busy`. */
  condition: JingleReasonCondition;
  /**
   * Human-readable words about it.
   *
   * At most 4096 characters.
   */
  text?: string;
}

/**
 * The `jingle` element: a session, its action and contents.
 *
 * From `xep-0166`.
 */
export interface JinglePayloadOut {
  /**
   * Session id.
   *
   * At most 1024 characters.
   */
  sid: string;
  /** What the request does. */
  action: JingleAction;
  /**
   * Who started the session.
   *
   * A JID, kept as a string.
   */
  initiator?: string;
  /**
   * Who answers the session.
   *
   * A JID, kept as a string.
   */
  responder?: string;
  /** The contents. */
  contents?: JingleContentOut[];
  /** Groups of contents (BUNDLE). */
  groupings?: JingleGroupingOut[];
  /** Why the session ends (`session-terminate`) or a content is refused. */
  reason?: JingleReasonOut;
}

/**
 * The `jingle` element: a session, its action and contents.
 *
 * From `xep-0166`.
 */
export interface JinglePayloadIn {
  /**
   * Session id.
   *
   * At most 1024 characters.
   */
  sid: string;
  /** What the request does. */
  action: JingleAction;
  /**
   * Who started the session.
   *
   * A JID, kept as a string.
   */
  initiator?: string;
  /**
   * Who answers the session.
   *
   * A JID, kept as a string.
   */
  responder?: string;
  /** The contents. */
  contents?: JingleContentIn[];
  /** Groups of contents (BUNDLE). */
  groupings?: JingleGroupingIn[];
  /** Why the session ends (`session-terminate`) or a content is refused. */
  reason?: JingleReasonIn;
}

/**
 * The IQ type of a Jingle request or of its answer.
 *
 * From `xep-0166`.
 */
export type JingleIqType = "set" | "result" | "error";

/**
 * A Jingle-specific error condition (XEP-0166 §10).
 *
 * From `xep-0166`.
 */
export type JingleErrorCondition = "out-of-order" | "tie-break" | "unknown-session" | "unsupported-info";

/**
 * An error answer to a Jingle request.
 *
 * From `xep-0166`.
 */
export interface JingleErrorOut {
  /** Error type, e.g. `cancel`. */
  type: ErrorType;
  /** Defined condition, e.g. `item-not-found`. */
  condition: ErrorCondition;
  /** Jingle condition, e.g. `unknown-session`. */
  jingleCondition?: JingleErrorCondition;
}

/**
 * An error answer to a Jingle request.
 *
 * From `xep-0166`.
 */
export interface JingleErrorIn {
  /** Error type, e.g. `cancel`. */
  type: ErrorType;
  /** Defined condition, e.g. `item-not-found`. */
  condition: ErrorCondition;
  /** Jingle condition, e.g. `unknown-session`. */
  jingleCondition?: JingleErrorCondition;
}

/**
 * The kind of description; only RTP is mapped.
 *
 * From `xep-0167`.
 */
export type JingleDescType = "rtp";

/**
 * A codec parameter.
 *
 * From `xep-0167`.
 */
export interface JingleParameterOut {
  /** Parameter name. */
  key: string;
  /** Parameter value. */
  value?: string;
}

/**
 * A codec parameter.
 *
 * From `xep-0167`.
 */
export interface JingleParameterIn {
  /** Parameter name. */
  key: string;
  /** Parameter value. */
  value?: string;
}

/**
 * An RTCP feedback message type (XEP-0293).
 *
 * From `xep-0167`.
 */
export interface JingleFeedbackOut {
  /** e.g. `nack`. */
  type: string;
  /** e.g. `pli`. */
  subtype?: string;
}

/**
 * An RTCP feedback message type (XEP-0293).
 *
 * From `xep-0167`.
 */
export interface JingleFeedbackIn {
  /** e.g. `nack`. */
  type: string;
  /** e.g. `pli`. */
  subtype?: string;
}

/**
 * A payload type (codec) offered or accepted.
 *
 * From `xep-0167`.
 */
export interface JingleCodecOut {
  /** RTP payload type number. */
  id: string;
  /** Codec name, e.g. `opus`. */
  name?: string;
  /** Sampling frequency in Hz. */
  clockrate?: string;
  /** Number of channels. */
  channels?: string;
  /** Maximum packet time. */
  maxptime?: string;
  /** Packet time. */
  ptime?: string;
  /** Codec parameters. */
  parameters?: JingleParameterOut[];
  /** RTCP feedback for this codec. */
  feedback?: JingleFeedbackOut[];
}

/**
 * A payload type (codec) offered or accepted.
 *
 * From `xep-0167`.
 */
export interface JingleCodecIn {
  /** RTP payload type number. */
  id: string;
  /** Codec name, e.g. `opus`. */
  name?: string;
  /** Sampling frequency in Hz. */
  clockrate?: string;
  /** Number of channels. */
  channels?: string;
  /** Maximum packet time. */
  maxptime?: string;
  /** Packet time. */
  ptime?: string;
  /** Codec parameters. */
  parameters?: JingleParameterIn[];
  /** RTCP feedback for this codec. */
  feedback?: JingleFeedbackIn[];
}

/**
 * SRTP keying (SDES).
 *
 * From `xep-0167`.
 */
export interface JingleCryptoOut {
  /** Tag. */
  tag: string;
  /** Crypto suite. */
  cipherSuite: string;
  /** Key parameters. */
  keyParams: string;
  /** Session parameters. */
  sessionParams?: string;
}

/**
 * SRTP keying (SDES).
 *
 * From `xep-0167`.
 */
export interface JingleCryptoIn {
  /** Tag. */
  tag: string;
  /** Crypto suite. */
  cipherSuite: string;
  /** Key parameters. */
  keyParams: string;
  /** Session parameters. */
  sessionParams?: string;
}

/**
 * An RTP header extension (XEP-0294).
 *
 * From `xep-0167`.
 */
export interface JingleHeaderExtensionOut {
  /** Extension id. */
  id: string;
  /** Extension URI. */
  uri: string;
  /** Who sends it. */
  senders?: string;
}

/**
 * An RTP header extension (XEP-0294).
 *
 * From `xep-0167`.
 */
export interface JingleHeaderExtensionIn {
  /** Extension id. */
  id: string;
  /** Extension URI. */
  uri: string;
  /** Who sends it. */
  senders?: string;
}

/**
 * An RTP source and its WebRTC labels.
 *
 * From `xep-0167`.
 */
export interface JingleSsrcOut {
  /** The SSRC. */
  ssrc: string;
  /** RTCP canonical name. */
  cname?: string;
  /** Media stream id. */
  msid?: string;
  /** Media stream label. */
  mslabel?: string;
  /** Track label. */
  label?: string;
}

/**
 * An RTP source and its WebRTC labels.
 *
 * From `xep-0167`.
 */
export interface JingleSsrcIn {
  /** The SSRC. */
  ssrc: string;
  /** RTCP canonical name. */
  cname?: string;
  /** Media stream id. */
  msid?: string;
  /** Media stream label. */
  mslabel?: string;
  /** Track label. */
  label?: string;
}

/**
 * An RTP description: media, codecs, keying, extensions and sources.
 *
 * From `xep-0167`.
 */
export interface JingleRtpDescriptionOut {
  /**
   * `audio` or `video`.
   *
   * `audio` or `video`.
   */
  media?: string;
  /** The sender's SSRC. */
  ssrc?: string;
  /**
   * RTP and RTCP on one port.
   *
   * Present (as `true`) only when set.
   */
  mux?: true;
  /** Codecs, in order of preference. */
  payloads?: JingleCodecOut[];
  /** SRTP keying. */
  encryption?: JingleCryptoOut[];
  /** Header extensions. */
  headerExtensions?: JingleHeaderExtensionOut[];
  /** Sources. */
  ssrcs?: JingleSsrcOut[];
  /** RTCP feedback for all codecs. */
  feedback?: JingleFeedbackOut[];
  /**
   * `rtp`, the only description mapped.
   *
   * @default "rtp"
   */
  descType?: JingleDescType;
}

/**
 * An RTP description: media, codecs, keying, extensions and sources.
 *
 * From `xep-0167`.
 */
export interface JingleRtpDescriptionIn {
  /**
   * `audio` or `video`.
   *
   * `audio` or `video`.
   */
  media?: string;
  /** The sender's SSRC. */
  ssrc?: string;
  /**
   * RTP and RTCP on one port.
   *
   * Present (as `true`) only when set.
   */
  mux?: true;
  /** Codecs, in order of preference. */
  payloads?: JingleCodecIn[];
  /** SRTP keying. */
  encryption?: JingleCryptoIn[];
  /** Header extensions. */
  headerExtensions?: JingleHeaderExtensionIn[];
  /** Sources. */
  ssrcs?: JingleSsrcIn[];
  /** RTCP feedback for all codecs. */
  feedback?: JingleFeedbackIn[];
  /**
   * `rtp`, the only description mapped.
   *
   * @default "rtp"
   */
  descType?: JingleDescType;
}

/**
 * The kind of transport; only ICE-UDP is mapped.
 *
 * From `xep-0176`.
 */
export type JingleTransType = "iceUdp";

/**
 * An ICE candidate.
 *
 * From `xep-0176`.
 */
export interface JingleCandidateOut {
  /** Foundation. */
  foundation: string;
  /** Component id (1 RTP, 2 RTCP). */
  component: string;
  /** `udp`. */
  protocol: string;
  /** Priority. */
  priority: string;
  /** Address. */
  ip: string;
  /** Port. */
  port: string;
  /** `host`, `srflx`, `prflx` or `relay`. */
  type?: string;
  /** ICE generation. */
  generation?: string;
  /** Network index. */
  network?: string;
  /** Candidate id. */
  id?: string;
  /** Related address. */
  relAddr?: string;
  /** Related port. */
  relPort?: string;
}

/**
 * An ICE candidate.
 *
 * From `xep-0176`.
 */
export interface JingleCandidateIn {
  /** Foundation. */
  foundation: string;
  /** Component id (1 RTP, 2 RTCP). */
  component: string;
  /** `udp`. */
  protocol: string;
  /** Priority. */
  priority: string;
  /** Address. */
  ip: string;
  /** Port. */
  port: string;
  /** `host`, `srflx`, `prflx` or `relay`. */
  type?: string;
  /** ICE generation. */
  generation?: string;
  /** Network index. */
  network?: string;
  /** Candidate id. */
  id?: string;
  /** Related address. */
  relAddr?: string;
  /** Related port. */
  relPort?: string;
}

/**
 * A DTLS certificate fingerprint (XEP-0320).
 *
 * From `xep-0176`.
 */
export interface JingleFingerprintOut {
  /** Hash function, e.g. `sha-256`. */
  hash: string;
  /** DTLS role: `actpass`, `active` or `passive`. */
  setup?: string;
  /** The fingerprint. */
  value: string;
}

/**
 * A DTLS certificate fingerprint (XEP-0320).
 *
 * From `xep-0176`.
 */
export interface JingleFingerprintIn {
  /** Hash function, e.g. `sha-256`. */
  hash: string;
  /** DTLS role: `actpass`, `active` or `passive`. */
  setup?: string;
  /** The fingerprint. */
  value: string;
}

/**
 * An ICE-UDP transport: credentials, candidates and DTLS fingerprints.
 *
 * From `xep-0176`.
 */
export interface JingleIceTransportOut {
  /**
   * ICE username fragment.
   *
   * ICE username fragment.
   */
  ufrag?: string;
  /** ICE password. */
  pwd?: string;
  /** Candidates. */
  candidates?: JingleCandidateOut[];
  /** DTLS fingerprints. */
  fingerprints?: JingleFingerprintOut[];
  /**
   * `iceUdp`, the only transport mapped.
   *
   * @default "iceUdp"
   */
  transType?: JingleTransType;
}

/**
 * An ICE-UDP transport: credentials, candidates and DTLS fingerprints.
 *
 * From `xep-0176`.
 */
export interface JingleIceTransportIn {
  /**
   * ICE username fragment.
   *
   * ICE username fragment.
   */
  ufrag?: string;
  /** ICE password. */
  pwd?: string;
  /** Candidates. */
  candidates?: JingleCandidateIn[];
  /** DTLS fingerprints. */
  fingerprints?: JingleFingerprintIn[];
  /**
   * `iceUdp`, the only transport mapped.
   *
   * @default "iceUdp"
   */
  transType?: JingleTransType;
}

/**
 * A blocked entity.
 *
 * From `xep-0191`.
 */
export interface BlockedItem {
  /** The blocked JID: a user, a full JID or a whole domain. */
  jid: Jid;
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
 * A forwarded message (at a `<forwarded/>` element): every incoming key of `xmpp.chat.message` for the message inside, and the forwarder's `delay`.
 *
 * From `xep-0297`.
 */
export interface ForwardedOut {
  /**
   * Sender JID.
   *
   * From `rfc6121-chat`.
   */
  from?: string;
  /**
   * Stanza id; generated when the browser gives none. Receipts and corrections refer to it.
   *
   * At most 256 characters.
   * From `rfc6121-chat`.
   */
  id?: string;
  /**
   * Message type.
   *
   * From `rfc6121-chat`.
   * @default "normal"
   */
  type?: MessageType;
  /**
   * Plain-text body.
   *
   * At most 65536 characters.
   * From `rfc6121-chat`.
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
   * From `rfc6121-chat`.
   */
  bodies?: { [lang: string]: string };
  /**
   * Subject line.
   *
   * At most 1024 characters.
   * From `rfc6121-chat`.
   */
  subject?: string;
  /**
   * Conversation thread id.
   *
   * At most 256 characters.
   * From `rfc6121-chat`.
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
  /**
   * The sender's own unique id of the message (`<origin-id/>`), which rooms and servers keep while they may rewrite the stanza `id`.
   *
   * At most 256 characters.
   * From `xep-0359`.
   */
  originId?: string;
}

/**
 * A forwarded message (at a `<forwarded/>` element): every incoming key of `xmpp.chat.message` for the message inside, and the forwarder's `delay`.
 *
 * From `xep-0297`.
 */
export interface ForwardedIn {
  /** When the message was originally sent, as the forwarder says. */
  delay?: Delay;
  /**
   * Sender JID.
   *
   * From `rfc6121-chat`.
   */
  from?: Jid;
  /**
   * Stanza id; generated when the browser gives none. Receipts and corrections refer to it.
   *
   * At most 256 characters.
   * From `rfc6121-chat`.
   */
  id?: string;
  /**
   * Message type.
   *
   * From `rfc6121-chat`.
   * @default "normal"
   */
  type?: MessageType;
  /**
   * Plain-text body.
   *
   * At most 65536 characters.
   * From `rfc6121-chat`.
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
   * From `rfc6121-chat`.
   */
  bodies?: { [lang: string]: string };
  /**
   * Subject line.
   *
   * At most 1024 characters.
   * From `rfc6121-chat`.
   */
  subject?: string;
  /**
   * Conversation thread id.
   *
   * At most 256 characters.
   * From `rfc6121-chat`.
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
   * Id of the earlier message this one corrects.
   *
   * At most 256 characters.
   * From `xep-0308`.
   */
  replace?: string;
  /**
   * The sender's own unique id of the message (`<origin-id/>`), which rooms and servers keep while they may rewrite the stanza `id`.
   *
   * At most 256 characters.
   * From `xep-0359`.
   */
  originId?: string;
}

/**
 * Which messages the server archives when no list names the contact: all, none, or those with contacts in the roster.
 *
 * From `xep-0313`.
 */
export type MamDefault = "always" | "never" | "roster";

/**
 * Where an archived message comes from (at its `<result/>`).
 *
 * From `xep-0313`.
 */
export interface MamResult {
  /** The archive's id of the message: the position to page from with `rsm.after`/`rsm.before`. */
  id?: string;
  /** The `queryId` of the query this result answers. */
  queryId?: string;
  /** Whom the archived message was sent to. */
  to?: Jid;
}

/**
 * The headers XEP-0363 lets a service ask for; a client must drop any other.
 *
 * From `xep-0363`.
 */
export type UploadHeaderName = "Authorization" | "Cookie" | "Expires";

/**
 * A header to send with the upload.
 *
 * From `xep-0363`.
 */
export interface UploadHeader {
  /** Header name. */
  name: UploadHeaderName;
  /** Header value. */
  value: string;
}

/**
 * Where and how to upload.
 *
 * From `xep-0363`.
 */
export interface UploadPut {
  /** HTTPS URL to PUT the file to. */
  url: string;
  /** Headers to send with the PUT; others the service names are dropped. */
  headers?: UploadHeader[];
}

/**
 * Where the file can be downloaded once uploaded.
 *
 * From `xep-0363`.
 */
export interface UploadGet {
  /** URL to share. */
  url: string;
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
   * Keep the message out of the user's other clients (no carbon copies).
   *
   * Present (as `true`) only when set.
   * From `xep-0280`.
   */
  private?: true;
  /**
   * A message forwarded with this one (its `from` is the original sender; going out, a string).
   *
   * From `xep-0297`.
   */
  forwarded?: ForwardedOut;
  /**
   * Id of the earlier message this one corrects.
   *
   * At most 256 characters.
   * From `xep-0308`.
   */
  replace?: string;
  /**
   * The sender's own unique id of the message (`<origin-id/>`), which rooms and servers keep while they may rewrite the stanza `id`.
   *
   * At most 256 characters.
   * From `xep-0359`.
   */
  originId?: string;
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
   * A message forwarded with this one (its `from` is the original sender; going out, a string).
   *
   * From `xep-0297`.
   */
  forwarded?: ForwardedIn;
  /**
   * Id of the earlier message this one corrects.
   *
   * At most 256 characters.
   * From `xep-0308`.
   */
  replace?: string;
  /**
   * The sender's own unique id of the message (`<origin-id/>`), which rooms and servers keep while they may rewrite the stanza `id`.
   *
   * At most 256 characters.
   * From `xep-0359`.
   */
  originId?: string;
  /**
   * The id the user's own server gave the message in its archive (`<stanza-id by='<your bare JID>'/>`), for MAM queries, reactions and retractions. Claims by anyone else are ignored.
   *
   * From `xep-0359`.
   */
  stanzaId?: string;
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
 * Call a method on another entity; the callback receives the result values.
 *
 * `xmpp.rpc.perform`, browser → gateway, from `xep-0009`.
 * Callback: required.
 */
export interface XmppRpcPerformOut {
  /** The entity to call (usually a full JID). */
  to: string;
  /**
   * Method name.
   *
   * At most 1024 characters.
   */
  method: string;
  /** Parameters, in order. */
  params?: RpcParamOut[];
}

/** What the `xmpp.rpc.perform` callback receives on success, one object per item. */
export interface XmppRpcPerformResult {
  /**
   * A string value without a type element.
   *
   * `1` (true) or `0` (false), as XML-RPC writes booleans.
   *
   * Integer from 0 to 1.
   *
   * A 32-bit integer.
   *
   * Integer from -2147483648 to 2147483647.
   *
   * A 32-bit integer.
   *
   * Integer from -2147483648 to 2147483647.
   *
   * A floating-point number, as its decimal text.
   *
   * At most 64 characters.
   *
   * Text.
   *
   * Base64-encoded binary data.
   *
   * A date and time, e.g. `19980717T14:08:55`.
   *
   * At most 64 characters.
   *
   * The items, each a value.
   *
   * The members, each a named value.
   */
  value?: string | number | RpcValueIn[] | RpcMemberIn[];
  /**
   * The value's XML-RPC type; a value without one is a string.
   *
   * @default "string"
   */
  type?: RpcType;
}

/** The first argument of the `xmpp.rpc.perform` callback when a successful reply carries an error instead of data. The method failed: the callback's error is the fault `{code, string}` (a result, not a stanza error). */
export type XmppRpcPerformResultError = RpcFaultIn;

/**
 * Another entity calls a method here. Answer with `xmpp.rpc.result`, passing `id` back.
 *
 * `xmpp.rpc.request`, gateway → browser, from `xep-0009`.
 */
export interface XmppRpcRequestIn {
  /** The caller. */
  from?: Jid;
  /** The request's id, for the answer. */
  id?: string;
  /** Method name. */
  command: string;
  /** Parameters, in order. */
  params?: RpcParamIn[];
}

/**
 * Answer a method call (`xmpp.rpc.request`): result values, or a fault.
 *
 * `xmpp.rpc.result`, browser → gateway, from `xep-0009`.
 * Callback: optional.
 */
export interface XmppRpcResultOut {
  /** The caller. */
  to: string;
  /**
   * The request's id.
   *
   * At most 1024 characters.
   */
  id: string;
  /** Result values. */
  params?: RpcParamOut[];
  /** A fault instead of values: `{code, string}`, which the caller's callback receives as its error. */
  fault?: RpcFaultOut;
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
  /**
   * The sender's own unique id of the message (`<origin-id/>`), which rooms and servers keep while they may rewrite the stanza `id`.
   *
   * At most 256 characters.
   * From `xep-0359`.
   */
  originId?: string;
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
  /**
   * The sender's own unique id of the message (`<origin-id/>`), which rooms and servers keep while they may rewrite the stanza `id`.
   *
   * At most 256 characters.
   * From `xep-0359`.
   */
  originId?: string;
  /**
   * The id the room gave the message in its archive (`<stanza-id by='<room>'/>`), the one XEP-0444 reactions and XEP-0424 retractions in rooms refer to. Claims by anyone else are ignored.
   *
   * From `xep-0359`.
   */
  stanzaId?: string;
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
 * Invite someone into a room (a mediated invitation: the room passes it on and adds the password), or receive such an invitation. Direct invitations (XEP-0249) are `xmpp.muc.invite.direct`.
 *
 * `xmpp.muc.invite`, browser → gateway, from `xep-0045`.
 * Callback: none (fire and forget).
 */
export interface XmppMucInviteOut {
  /**
   * Room JID.
   *
   * A JID, kept as a string.
   */
  room: string;
  /** Who to invite. */
  to: string;
  /**
   * A few words from the inviter.
   *
   * At most 1024 characters.
   */
  reason?: string;
}

/**
 * Invite someone into a room (a mediated invitation: the room passes it on and adds the password), or receive such an invitation. Direct invitations (XEP-0249) are `xmpp.muc.invite.direct`.
 *
 * `xmpp.muc.invite`, gateway → browser, from `xep-0045`.
 */
export interface XmppMucInviteIn {
  /**
   * Room JID.
   *
   * A JID, kept as a string.
   */
  room?: string;
  /** Who invites. */
  from?: Jid;
  /**
   * A few words from the inviter.
   *
   * At most 1024 characters.
   */
  reason?: string;
  /** The room's password, when it has one (added by the room). */
  password?: string;
}

/**
 * Decline an invitation (the room passes it on to the inviter), or learn that someone declined yours.
 *
 * `xmpp.muc.invite.decline`, browser → gateway, from `xep-0045`.
 * Callback: none (fire and forget).
 */
export interface XmppMucInviteDeclineOut {
  /**
   * Room JID.
   *
   * A JID, kept as a string.
   */
  room: string;
  /** Who invited you. */
  to: string;
  /**
   * Why.
   *
   * At most 1024 characters.
   */
  reason?: string;
}

/**
 * Decline an invitation (the room passes it on to the inviter), or learn that someone declined yours.
 *
 * `xmpp.muc.invite.decline`, gateway → browser, from `xep-0045`.
 */
export interface XmppMucInviteDeclineIn {
  /**
   * Room JID.
   *
   * A JID, kept as a string.
   */
  room?: string;
  /** Who declined. */
  from?: Jid;
  /**
   * Why.
   *
   * At most 1024 characters.
   */
  reason?: string;
}

/**
 * A room the user is in reports a change with status codes, e.g. 104 (configuration changed) or 170 (now logged).
 *
 * `xmpp.muc.room.config`, gateway → browser, from `xep-0045`.
 */
export interface XmppMucRoomConfigIn {
  /**
   * Room JID.
   *
   * A JID, kept as a string.
   */
  room?: string;
  /**
   * Status codes; a message without any is not this event.
   *
   * Integer from 100 to 999.
   */
  status: number[];
}

/**
 * Destroy a room (owners only), optionally naming a room to go to instead. Sent as `xmpp.muc.destroy`, the original name; the occupants receive `xmpp.muc.destroy`.
 *
 * `xmpp.muc.room.destroy`, browser → gateway, from `xep-0045`.
 * Callback: required.
 */
export interface XmppMucRoomDestroyOut {
  /**
   * Room JID.
   *
   * A JID, kept as a string.
   */
  room: string;
  /**
   * Why, shown to the occupants.
   *
   * At most 1024 characters.
   */
  reason?: string;
  /** A room the occupants may go to instead. */
  alternative?: string;
  /**
   * The alternative room's password.
   *
   * At most 1024 characters.
   */
  password?: string;
}

/**
 * A room the user is in was destroyed: the occupant's last presence, with the owner's reason and the alternative room.
 *
 * `xmpp.muc.destroy`, gateway → browser, from `xep-0045`.
 */
export interface XmppMucDestroyIn {
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
  /** Always `unavailable`. */
  type?: PresenceType;
  /**
   * Status codes, e.g. 110 (this is you).
   *
   * Integer from 100 to 999.
   */
  status?: number[];
  /** The owner's reason. */
  reason?: string;
  /**
   * A room to go to instead.
   *
   * A JID, kept as a string.
   */
  alternative?: string;
  /** The alternative room's password. */
  password?: string;
}

/**
 * Cancel the configuration of a room just created: a locked new room is destroyed.
 *
 * `xmpp.muc.cancel`, browser → gateway, from `xep-0045`.
 * Callback: required.
 */
export interface XmppMucCancelOut {
  /**
   * Room JID.
   *
   * A JID, kept as a string.
   */
  room: string;
}

/**
 * Change an occupant's role (moderators): `participant` grants voice, `visitor` revokes it, `moderator` makes a moderator, `none` kicks.
 *
 * `xmpp.muc.role.set`, browser → gateway, from `xep-0045`.
 * Callback: required.
 */
export interface XmppMucRoleSetOut {
  /**
   * Room JID.
   *
   * A JID, kept as a string.
   */
  room: string;
  /**
   * The occupant's nickname.
   *
   * A JID resource (MUC nickname).
   */
  nick: string;
  /** The new role. */
  role: Role;
  /**
   * Why, shown to the occupant.
   *
   * At most 1024 characters.
   */
  reason?: string;
}

/**
 * List the occupants with a role, e.g. the moderators or the participants (moderators only).
 *
 * `xmpp.muc.role.get`, browser → gateway, from `xep-0045`.
 * Callback: required.
 */
export interface XmppMucRoleGetOut {
  /**
   * Room JID.
   *
   * A JID, kept as a string.
   */
  room: string;
  /** The role to list. */
  role: Role;
}

/** What the `xmpp.muc.role.get` callback receives on success, one object per item. */
export interface XmppMucRoleGetResult {
  /** Affiliation. */
  affiliation?: Affiliation;
  /** Real JID, when the room shows it. */
  jid?: Jid;
  /**
   * Nickname (in role lists), or the reserved nickname (in affiliation lists).
   *
   * A JID resource (MUC nickname).
   */
  nick?: string;
  /** Role, for occupants. */
  role?: Role;
}

/**
 * Change a user's affiliation with a room (admins and owners): `member`, `admin`, `owner`, `outcast` bans, `none` removes it. With `nick`, the nickname is reserved for the user.
 *
 * `xmpp.muc.affiliation`, browser → gateway, from `xep-0045`.
 * Callback: required.
 */
export interface XmppMucAffiliationOut {
  /**
   * Room JID.
   *
   * A JID, kept as a string.
   */
  room: string;
  /**
   * The user's bare JID.
   *
   * A JID, kept as a string.
   */
  jid: string;
  /** The new affiliation. */
  affiliation: Affiliation;
  /**
   * A nickname to reserve for the user.
   *
   * A JID resource (MUC nickname).
   */
  nick?: string;
  /**
   * Why.
   *
   * At most 1024 characters.
   */
  reason?: string;
}

/**
 * List the users with an affiliation, e.g. the members or the banned (admins and owners).
 *
 * `xmpp.muc.affiliation.get`, browser → gateway, from `xep-0045`.
 * Callback: required.
 */
export interface XmppMucAffiliationGetOut {
  /**
   * Room JID.
   *
   * A JID, kept as a string.
   */
  room: string;
  /** The affiliation to list. */
  affiliation: Affiliation;
}

/** What the `xmpp.muc.affiliation.get` callback receives on success, one object per item. */
export interface XmppMucAffiliationGetResult {
  /** Affiliation. */
  affiliation?: Affiliation;
  /** Real JID, when the room shows it. */
  jid?: Jid;
  /**
   * Nickname (in role lists), or the reserved nickname (in affiliation lists).
   *
   * A JID resource (MUC nickname).
   */
  nick?: string;
  /** Role, for occupants. */
  role?: Role;
}

/**
 * Ask a room for the nickname reserved for the user. The result has no `nick` when none is reserved.
 *
 * `xmpp.muc.room.nick`, browser → gateway, from `xep-0045`.
 * Callback: required.
 */
export interface XmppMucRoomNickOut {
  /**
   * Room JID.
   *
   * A JID, kept as a string.
   */
  room: string;
}

/** What the `xmpp.muc.room.nick` callback receives on success. */
export interface XmppMucRoomNickResult {
  /**
   * The reserved nickname.
   *
   * A JID resource (MUC nickname).
   */
  nick?: string;
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
  /** The role asked for, as the original took it: `participant` (the form field `muc#role`). */
  role?: Role;
  /** The request as form fields (`[{var: 'muc#role', value: 'participant'}]`); `role` joins them. */
  form?: SubmittedField[];
}

/**
 * A visitor asks for voice in a room the user moderates: answer with the form's fields and `muc#request_allow` (`true` grants voice).
 *
 * `xmpp.muc.voice.request`, gateway → browser, from `xep-0045`.
 * The browser answers (the frame carries an `ack`): the answer's data is sent as `form` of `xmpp.muc.voice`.
 */
export interface XmppMucVoiceRequestIn {
  /**
   * Room JID.
   *
   * A JID, kept as a string.
   */
  room?: string;
  /** The request: `muc#jid`, `muc#roomnick`, `muc#role` and `muc#request_allow`. */
  form: DataForm;
}

/**
 * List the commands an entity offers (disco#items on the commands node), a page at a time with `rsm`. Sent as `xmpp.command.list`, the original name.
 *
 * `xmpp.command.list.get`, browser → gateway, from `xep-0050`.
 * Callback: required.
 */
export interface XmppCommandListGetOut {
  /** The entity; the user's server when absent. */
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
  /** The entity; the user's server when absent. */
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
  /** The entity; the user's server when absent. */
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
 * Fetch a vCard: the user's own without `to`, or another user's. The original module was a stub that always answered `true`; here the card is parsed.
 *
 * `xmpp.vcard.get`, browser → gateway, from `xep-0054`.
 * Callback: required.
 */
export interface XmppVcardGetOut {
  /** Whose vCard (a bare JID); omit for the user's own. */
  to?: string;
}

/** What the `xmpp.vcard.get` callback receives on success. */
export interface XmppVcardGetResult {
  /**
   * Formatted full name (`<FN/>`).
   *
   * At most 1024 characters.
   */
  fullName?: string;
  /** Structured name (`<N/>`). */
  name?: VcardNameIn;
  /**
   * Nickname (`<NICKNAME/>`).
   *
   * At most 1024 characters.
   */
  nickname?: string;
  /**
   * Home page (`<URL/>`).
   *
   * At most 4096 characters.
   */
  url?: string;
  /**
   * Birthday, ISO 8601 (`<BDAY/>`, e.g. `1597-07-31`).
   *
   * At most 64 characters.
   */
  birthday?: string;
  /**
   * XMPP address (`<JABBERID/>`).
   *
   * A JID, kept as a string.
   */
  jid?: string;
  /** E-mail addresses (`<EMAIL/>`). */
  emails?: VcardEmailIn[];
  /** Telephone numbers (`<TEL/>`). */
  telephones?: VcardTelephoneIn[];
  /** Postal addresses (`<ADR/>`). */
  addresses?: VcardAddressIn[];
  /** Organisation (`<ORG/>`). */
  organization?: VcardOrganizationIn;
  /**
   * Job title (`<TITLE/>`).
   *
   * At most 1024 characters.
   */
  title?: string;
  /**
   * Role or occupation (`<ROLE/>`).
   *
   * At most 1024 characters.
   */
  role?: string;
  /**
   * A note (`<NOTE/>`).
   *
   * At most 65536 characters.
   */
  note?: string;
  /**
   * Free-form description (`<DESC/>`).
   *
   * At most 65536 characters.
   */
  description?: string;
  /** Photo or avatar (`<PHOTO/>`). */
  photo?: VcardPhotoIn;
}

/**
 * Publish the user's own vCard; it replaces the whole card, so keys left out are erased. The original module sent an empty card whatever was given.
 *
 * `xmpp.vcard.set`, browser → gateway, from `xep-0054`.
 * Callback: required.
 */
export interface XmppVcardSetOut {
  /**
   * Formatted full name (`<FN/>`).
   *
   * At most 1024 characters.
   */
  fullName?: string;
  /** Structured name (`<N/>`). */
  name?: VcardNameOut;
  /**
   * Nickname (`<NICKNAME/>`).
   *
   * At most 1024 characters.
   */
  nickname?: string;
  /**
   * Home page (`<URL/>`).
   *
   * At most 4096 characters.
   */
  url?: string;
  /**
   * Birthday, ISO 8601 (`<BDAY/>`, e.g. `1597-07-31`).
   *
   * At most 64 characters.
   */
  birthday?: string;
  /**
   * XMPP address (`<JABBERID/>`).
   *
   * A JID, kept as a string.
   */
  jid?: string;
  /** E-mail addresses (`<EMAIL/>`). */
  emails?: VcardEmailOut[];
  /** Telephone numbers (`<TEL/>`). */
  telephones?: VcardTelephoneOut[];
  /** Postal addresses (`<ADR/>`). */
  addresses?: VcardAddressOut[];
  /** Organisation (`<ORG/>`). */
  organization?: VcardOrganizationOut;
  /**
   * Job title (`<TITLE/>`).
   *
   * At most 1024 characters.
   */
  title?: string;
  /**
   * Role or occupation (`<ROLE/>`).
   *
   * At most 1024 characters.
   */
  role?: string;
  /**
   * A note (`<NOTE/>`).
   *
   * At most 65536 characters.
   */
  note?: string;
  /**
   * Free-form description (`<DESC/>`).
   *
   * At most 65536 characters.
   */
  description?: string;
  /** Photo or avatar (`<PHOTO/>`). */
  photo?: VcardPhotoOut;
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
   * Who subscribes: the user's bare JID when absent.
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
   * Who unsubscribes: the user's bare JID when absent.
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
  /** `true`: list the subscriptions to a node you own, in the #owner namespace (XEP-0060 §8.8.1). */
  owner?: boolean;
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
 * List the subscriptions to a node you own, in the #owner namespace (XEP-0060 §8.8.1).
 *
 * `xmpp.pubsub.subscriptions`, browser → gateway, from `xep-0060`.
 * Callback: required.
 */
export interface XmppPubsubSubscriptionsOwnerOut {
  owner: true;
  /** The pubsub service. */
  to: string;
  /** The node, which you own. */
  node: string;
  /** Which page (XEP-0059). */
  rsm?: RsmOut;
}

/** What the `xmpp.pubsub.subscriptions` callback receives on success, one object per item. */
export interface XmppPubsubSubscriptionsOwnerResult {
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
export type XmppPubsubSubscriptionsOwnerRsm = RsmIn;

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
   * The subscriber: the user's full JID when absent.
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
   * The subscriber: the user's full JID when absent.
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
  /** `true`: list the affiliations with a node you own, in the #owner namespace (XEP-0060 §8.9.1). */
  owner?: boolean;
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
 * List the affiliations with a node you own, in the #owner namespace (XEP-0060 §8.9.1).
 *
 * `xmpp.pubsub.affiliations`, browser → gateway, from `xep-0060`.
 * Callback: required.
 */
export interface XmppPubsubAffiliationsOwnerOut {
  owner: true;
  /** The pubsub service. */
  to: string;
  /** The node, which you own. */
  node: string;
  /** Which page (XEP-0059). */
  rsm?: RsmOut;
}

/** What the `xmpp.pubsub.affiliations` callback receives on success, one object per item. */
export interface XmppPubsubAffiliationsOwnerResult {
  /** The node. */
  node?: string;
  /** The affiliation. */
  affiliation?: PubsubAffiliation;
  /** Whose affiliation, when the service says. */
  jid?: Jid;
}

/** The third argument of the `xmpp.pubsub.affiliations` callback on success: Where the page sits in the whole list. */
export type XmppPubsubAffiliationsOwnerRsm = RsmIn;

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
 * The browser answers (the frame carries an `ack`): the answer's data is sent as `form` of `xmpp.pubsub.authorisation`.
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
 * Approve or deny a subscription request (XEP-0060 §8.6). The gateway sends it when the browser answers `xmpp.pubsub.push.authorisation`; a client without callbacks can send it itself with the request's `from` and `id`.
 *
 * `xmpp.pubsub.authorisation`, browser → gateway, from `xep-0060`.
 * Callback: optional.
 */
export interface XmppPubsubAuthorisationOut {
  /** The service that asked. */
  to: string;
  /** Id of the request answered (a fresh id when absent). */
  id?: string;
  /** The answer: `pubsub#allow` (`true` or `false`), with `pubsub#node`, `pubsub#subscriber_jid` (and `pubsub#subid`) of the request. */
  form: SubmittedField[];
}

/**
 * An HTTP server asks the user to confirm that a request is theirs. Answer with `xmpp.http.confirm` or `xmpp.http.deny`, passing `type` and `id` back.
 *
 * `xmpp.http.verify`, gateway → browser, from `xep-0070`.
 */
export interface XmppHttpVerifyIn {
  /** The HTTP server. */
  from?: Jid;
  /**
   * The IQ's id (for an IQ).
   *
   * The message's thread (for a message).
   */
  id?: string;
  /** The request to confirm. */
  request: HttpRequestIn;
  /** `iq` or `message`. */
  type?: HttpStanza;
  /** Text the server sent with the message. */
  description?: string;
}

/**
 * Confirm that an HTTP request is the user's: an IQ result, or a message on the request's thread.
 *
 * `xmpp.http.confirm`, browser → gateway, from `xep-0070`.
 * Callback: optional.
 */
export interface XmppHttpConfirmOut {
  /** The HTTP server that asked. */
  to: string;
  /**
   * The request, echoed back (optional for an IQ).
   *
   * The request (required for a message).
   */
  request?: HttpRequestOut;
  /** `iq` or `message`, as in `xmpp.http.verify`. */
  type: HttpStanza;
  /**
   * The request's id (required for an IQ).
   *
   * At most 1024 characters.
   *
   * The request's thread.
   *
   * At most 1024 characters.
   */
  id?: string;
}

/**
 * Deny that an HTTP request is the user's: an error reply (`not-authorized`) to the IQ, or to the message.
 *
 * `xmpp.http.deny`, browser → gateway, from `xep-0070`.
 * Callback: optional.
 */
export interface XmppHttpDenyOut {
  /** The HTTP server that asked. */
  to: string;
  /**
   * The request, echoed back (optional for an IQ).
   *
   * The request (required for a message).
   */
  request?: HttpRequestOut;
  /** `iq` or `message`, as in `xmpp.http.verify`. */
  type: HttpStanza;
  /**
   * The request's id (required for an IQ).
   *
   * At most 1024 characters.
   *
   * The request's thread.
   *
   * At most 1024 characters.
   */
  id?: string;
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
 * Cancel the registration (with the user's server: delete the account): a query with `<remove/>` (XEP-0077 §3.2).
 *
 * `xmpp.register.unregister`, browser → gateway, from `xep-0077`.
 * Callback: required.
 */
export interface XmppRegisterUnregisterOut {
  /** The service. */
  to: string;
}

/**
 * Cancel with the cancellation form the service asked for (FORM_TYPE `jabber:iq:register:cancel`, XEP-0077 §3.2), in place of `<remove/>`.
 *
 * `xmpp.register.unregister`, browser → gateway, from `xep-0077`.
 * Callback: required.
 */
export interface XmppRegisterUnregisterFormOut {
  /** The service. */
  to: string;
  /** The filled-in cancellation form. */
  form: SubmittedField[];
}

/**
 * Publish an avatar image to the user's data node (`urn:xmpp:avatar:data`), under its SHA-1 as item id.
 *
 * `xmpp.avatar.upload`, browser → gateway, from `xep-0084`.
 * Callback: required.
 */
export interface XmppAvatarUploadOut {
  /**
   * The SHA-1 of the image bytes, in hex: computed from `content` when absent.
   *
   * At most 1024 characters.
   */
  id?: string;
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
   * SHA-1 of the image bytes, hex: the image's item id in the data node, and the metadata item's id (XEP-0084 §4.2).
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
   * The subscriber: the user's bare JID when absent.
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
   * The subscriber: the user's bare JID when absent.
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
 * Jingle signalling. Going out: a request (`type` `set`, the default; the callback gets `true` once the peer acknowledges it, or its error), or the answer to a request received (`type` `result` with its `id`, or an `error`; the callback gets `true` once sent). Coming in: a request, which the browser must answer the same way.
 *
 * `xmpp.jingle.request`, browser → gateway, from `xep-0166`.
 * Callback: required.
 */
export interface XmppJingleRequestOut {
  /** The peer (a full JID). */
  to: string;
  /** `set` for a request; `result` or `error` to answer one. */
  type?: JingleIqType;
  /**
   * The IQ id: the id of the request answered.
   *
   * At most 1024 characters.
   */
  id?: string;
  /** The Jingle element (for a request). */
  jingle?: JinglePayloadOut;
  /** Reject the request answered (makes `type` `error`). */
  error?: JingleErrorOut;
}

/**
 * Jingle signalling. Going out: a request (`type` `set`, the default; the callback gets `true` once the peer acknowledges it, or its error), or the answer to a request received (`type` `result` with its `id`, or an `error`; the callback gets `true` once sent). Coming in: a request, which the browser must answer the same way.
 *
 * `xmpp.jingle.request`, gateway → browser, from `xep-0166`.
 */
export interface XmppJingleRequestIn {
  /**
   * The peer.
   *
   * A JID, kept as a string.
   */
  from?: string;
  /** `set` for a request; `result` or `error` to answer one. */
  type?: JingleIqType;
  /**
   * The IQ id: the id of the request answered.
   *
   * At most 1024 characters.
   */
  id?: string;
  /** The Jingle element. */
  jingle: JinglePayloadIn;
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

/**
 * Fetch the block list. From then on the server tells this session of every change (`xmpp.block.push`, `xmpp.unblock.push`).
 *
 * `xmpp.block.list`, browser → gateway, from `xep-0191`.
 * Callback: required.
 */
export interface XmppBlockListOut {}

/** What the `xmpp.block.list` callback receives on success, one object per item. */
export interface XmppBlockListResult {
  /** The blocked JID: a user, a full JID or a whole domain. */
  jid: Jid;
}

/**
 * Block all communication with one or more entities.
 *
 * `xmpp.block`, browser → gateway, from `xep-0191`.
 * Callback: required.
 */
export interface XmppBlockOut {
  /** Whom to block: users, full JIDs or domains. */
  jids: string[];
}

/**
 * Unblock some entities, or everyone when `jids` is left out.
 *
 * `xmpp.unblock`, browser → gateway, from `xep-0191`.
 * Callback: required.
 */
export interface XmppUnblockOut {
  /** Whom to unblock; omit to empty the block list. */
  jids?: string[];
}

/**
 * The server says entities were blocked (by this or another of the user's sessions). Only the user's own account may send this; the gateway acknowledges it.
 *
 * `xmpp.block.push`, gateway → browser, from `xep-0191`.
 */
export interface XmppBlockPushIn {
  /** The newly blocked JIDs. */
  jids: Jid[];
}

/**
 * The server says entities were unblocked; without `jids`, everyone was. Only the user's own account may send this; the gateway acknowledges it.
 *
 * `xmpp.unblock.push`, gateway → browser, from `xep-0191`.
 */
export interface XmppUnblockPushIn {
  /** The unblocked JIDs; absent when the whole list was emptied. */
  jids?: Jid[];
}

/**
 * Ping an entity: the user's own server without `to`, or a server, service or contact. Success is `true`; an entity without ping support answers `service-unavailable` or `feature-not-implemented`.
 *
 * `xmpp.ping`, browser → gateway, from `xep-0199`.
 * Callback: required.
 */
export interface XmppPingOut {
  /** Whom to ping; omit for the user's own server. */
  to?: string;
}

/**
 * Invite a contact into a room directly, without going through the room, or receive such an invitation. Mediated invitations are `xmpp.muc.invite`.
 *
 * `xmpp.muc.invite.direct`, browser → gateway, from `xep-0249`.
 * Callback: none (fire and forget).
 */
export interface XmppMucInviteDirectOut {
  /** Who to invite. */
  to: string;
  /**
   * Room JID.
   *
   * A JID, kept as a string.
   */
  room: string;
  /**
   * A few words from the inviter.
   *
   * At most 1024 characters.
   */
  reason?: string;
  /**
   * The room's password.
   *
   * At most 1024 characters.
   */
  password?: string;
  /**
   * The one-to-one thread this room continues.
   *
   * At most 256 characters.
   */
  thread?: string;
  /** Whether the room continues a one-to-one chat (`thread`). */
  continue?: boolean;
}

/**
 * Invite a contact into a room directly, without going through the room, or receive such an invitation. Mediated invitations are `xmpp.muc.invite`.
 *
 * `xmpp.muc.invite.direct`, gateway → browser, from `xep-0249`.
 */
export interface XmppMucInviteDirectIn {
  /** Who invites. */
  from?: Jid;
  /**
   * Room JID.
   *
   * A JID, kept as a string.
   */
  room: string;
  /**
   * A few words from the inviter.
   *
   * At most 1024 characters.
   */
  reason?: string;
  /**
   * The room's password.
   *
   * At most 1024 characters.
   */
  password?: string;
  /**
   * The one-to-one thread this room continues.
   *
   * At most 256 characters.
   */
  thread?: string;
  /** Whether the room continues a one-to-one chat (`thread`). */
  continue?: boolean;
}

/**
 * Ask the server to copy this session every one-to-one message sent or received by the user's other clients.
 *
 * `xmpp.carbons.enable`, browser → gateway, from `xep-0280`.
 * Callback: required.
 */
export interface XmppCarbonsEnableOut {}

/**
 * Stop copying messages to this session.
 *
 * `xmpp.carbons.disable`, browser → gateway, from `xep-0280`.
 * Callback: required.
 */
export interface XmppCarbonsDisableOut {}

/**
 * A copy of a message another of the user's clients received. The payload is the message's `xmpp.chat.message` payload, plus `to`.
 *
 * `xmpp.carbons.received`, gateway → browser, from `xep-0280`.
 */
export interface XmppCarbonsReceivedIn {
  /**
   * When the message was originally sent, as the forwarder says.
   *
   * From `xep-0297`.
   */
  delay?: Delay;
  /**
   * Sender JID.
   *
   * From `rfc6121-chat`.
   */
  from?: Jid;
  /**
   * Stanza id; generated when the browser gives none. Receipts and corrections refer to it.
   *
   * At most 256 characters.
   * From `rfc6121-chat`.
   */
  id?: string;
  /**
   * Message type.
   *
   * From `rfc6121-chat`.
   * @default "normal"
   */
  type?: MessageType;
  /**
   * Plain-text body.
   *
   * At most 65536 characters.
   * From `rfc6121-chat`.
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
   * From `rfc6121-chat`.
   */
  bodies?: { [lang: string]: string };
  /**
   * Subject line.
   *
   * At most 1024 characters.
   * From `rfc6121-chat`.
   */
  subject?: string;
  /**
   * Conversation thread id.
   *
   * At most 256 characters.
   * From `rfc6121-chat`.
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
   * Id of the earlier message this one corrects.
   *
   * At most 256 characters.
   * From `xep-0308`.
   */
  replace?: string;
  /**
   * The sender's own unique id of the message (`<origin-id/>`), which rooms and servers keep while they may rewrite the stanza `id`.
   *
   * At most 256 characters.
   * From `xep-0359`.
   */
  originId?: string;
  /** The client of the user's that received the message. */
  to?: Jid;
}

/**
 * A copy of a message another of the user's clients sent. The payload is the message's `xmpp.chat.message` payload (`from` is the user's other client), plus `to`, the contact it went to.
 *
 * `xmpp.carbons.sent`, gateway → browser, from `xep-0280`.
 */
export interface XmppCarbonsSentIn {
  /**
   * When the message was originally sent, as the forwarder says.
   *
   * From `xep-0297`.
   */
  delay?: Delay;
  /**
   * Sender JID.
   *
   * From `rfc6121-chat`.
   */
  from?: Jid;
  /**
   * Stanza id; generated when the browser gives none. Receipts and corrections refer to it.
   *
   * At most 256 characters.
   * From `rfc6121-chat`.
   */
  id?: string;
  /**
   * Message type.
   *
   * From `rfc6121-chat`.
   * @default "normal"
   */
  type?: MessageType;
  /**
   * Plain-text body.
   *
   * At most 65536 characters.
   * From `rfc6121-chat`.
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
   * From `rfc6121-chat`.
   */
  bodies?: { [lang: string]: string };
  /**
   * Subject line.
   *
   * At most 1024 characters.
   * From `rfc6121-chat`.
   */
  subject?: string;
  /**
   * Conversation thread id.
   *
   * At most 256 characters.
   * From `rfc6121-chat`.
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
   * Id of the earlier message this one corrects.
   *
   * At most 256 characters.
   * From `xep-0308`.
   */
  replace?: string;
  /**
   * The sender's own unique id of the message (`<origin-id/>`), which rooms and servers keep while they may rewrite the stanza `id`.
   *
   * At most 256 characters.
   * From `xep-0359`.
   */
  originId?: string;
  /** The contact the message went to. */
  to?: Jid;
}

/**
 * Query the user's message archive, or a room's (`to`). Results arrive as `xmpp.mam.message` events, then the callback gets `{complete?}` and the page's result set.
 *
 * `xmpp.mam.query`, browser → gateway, from `xep-0313`.
 * Callback: required.
 */
export interface XmppMamQueryOut {
  /** The archive to query: a room's bare JID; the user's own archive when absent. */
  to?: string;
  /**
   * Marks this query's results (`mam.queryId`).
   *
   * At most 256 characters.
   */
  queryId?: string;
  /** More filters as data form fields, for servers that offer others; `with`, `start` and `end` join them in the same form. */
  form?: SubmittedField[];
  /**
   * Only messages with this JID (the form field `with`).
   *
   * A JID, kept as a string.
   */
  with?: string;
  /**
   * Only messages since this time, XEP-0082 (the form field `start`).
   *
   * An XEP-0082 date-time.
   */
  start?: string;
  /**
   * Only messages until this time, XEP-0082 (the form field `end`).
   *
   * An XEP-0082 date-time.
   */
  end?: string;
  /** Which page (`max`, `after`, `before`). */
  rsm?: RsmOut;
  /** `true`: query an archive on the old `urn:xmpp:mam:tmp` namespace (XEP-0313 0.2), as the original module did: filters are plain keys, the callback gets the filters the server applied. */
  legacy?: boolean;
}

/** What the `xmpp.mam.query` callback receives on success. */
export interface XmppMamQueryResult {
  /** `true` when this page reaches the end of the archive. */
  complete?: boolean;
}

/** The third argument of the `xmpp.mam.query` callback on success: Where the page sits: `first` and `last` ids, `count`. */
export type XmppMamQueryRsm = RsmIn;

/**
 * Query an archive on the old `urn:xmpp:mam:tmp` namespace (XEP-0313 0.2), as the original module did: filters are plain keys, the callback gets the filters the server applied.
 *
 * `xmpp.mam.query`, browser → gateway, from `xep-0313`.
 * Callback: required.
 */
export interface XmppMamQueryLegacyOut {
  legacy: true;
  /** The archive to query: a room's bare JID; the user's own archive when absent. */
  to?: string;
  /**
   * Marks this query's results (`mam.queryId`).
   *
   * At most 256 characters.
   */
  queryId?: string;
  /**
   * Only messages with this JID.
   *
   * A JID, kept as a string.
   */
  with?: string;
  /**
   * Only messages since this time (XEP-0082).
   *
   * An XEP-0082 date-time.
   */
  start?: string;
  /**
   * Only messages until this time (XEP-0082).
   *
   * An XEP-0082 date-time.
   */
  end?: string;
  /** Which page (`max`, `after`, `before`). */
  rsm?: RsmOut;
}

/** What the `xmpp.mam.query` callback receives on success. */
export interface XmppMamQueryLegacyResult {
  /**
   * The contact filter the server applied.
   *
   * A JID, kept as a string.
   */
  with?: string;
  /**
   * The start the server applied.
   *
   * An XEP-0082 date-time.
   */
  start?: string;
  /**
   * The end the server applied.
   *
   * An XEP-0082 date-time.
   */
  end?: string;
}

/** The third argument of the `xmpp.mam.query` callback on success: Where the page sits: `first` and `last` ids, `count`. */
export type XmppMamQueryLegacyRsm = RsmIn;

/**
 * A message from the archive, answering `xmpp.mam.query` (from the user's own account, or from the archive a query is waiting on): the archived message's `xmpp.chat.message` payload (with `delay`, when it was archived), plus `mam`.
 *
 * `xmpp.mam.message`, gateway → browser, from `xep-0313`.
 */
export interface XmppMamMessageIn {
  /**
   * When the message was originally sent, as the forwarder says.
   *
   * From `xep-0297`.
   */
  delay?: Delay;
  /**
   * Sender JID.
   *
   * From `rfc6121-chat`.
   */
  from?: Jid;
  /**
   * Stanza id; generated when the browser gives none. Receipts and corrections refer to it.
   *
   * At most 256 characters.
   * From `rfc6121-chat`.
   */
  id?: string;
  /**
   * Message type.
   *
   * From `rfc6121-chat`.
   * @default "normal"
   */
  type?: MessageType;
  /**
   * Plain-text body.
   *
   * At most 65536 characters.
   * From `rfc6121-chat`.
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
   * From `rfc6121-chat`.
   */
  bodies?: { [lang: string]: string };
  /**
   * Subject line.
   *
   * At most 1024 characters.
   * From `rfc6121-chat`.
   */
  subject?: string;
  /**
   * Conversation thread id.
   *
   * At most 256 characters.
   * From `rfc6121-chat`.
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
   * Id of the earlier message this one corrects.
   *
   * At most 256 characters.
   * From `xep-0308`.
   */
  replace?: string;
  /**
   * The sender's own unique id of the message (`<origin-id/>`), which rooms and servers keep while they may rewrite the stanza `id`.
   *
   * At most 256 characters.
   * From `xep-0359`.
   */
  originId?: string;
  /** The archive's data about the message. */
  mam: MamResult;
}

/**
 * A message from an archive on the old `urn:xmpp:mam:tmp` namespace, answering a `legacy` query.
 *
 * `xmpp.mam.message`, gateway → browser, from `xep-0313`.
 */
export interface XmppMamMessageLegacyIn {
  legacy: true;
  /**
   * When the message was originally sent, as the forwarder says.
   *
   * From `xep-0297`.
   */
  delay?: Delay;
  /**
   * Sender JID.
   *
   * From `rfc6121-chat`.
   */
  from?: Jid;
  /**
   * Stanza id; generated when the browser gives none. Receipts and corrections refer to it.
   *
   * At most 256 characters.
   * From `rfc6121-chat`.
   */
  id?: string;
  /**
   * Message type.
   *
   * From `rfc6121-chat`.
   * @default "normal"
   */
  type?: MessageType;
  /**
   * Plain-text body.
   *
   * At most 65536 characters.
   * From `rfc6121-chat`.
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
   * From `rfc6121-chat`.
   */
  bodies?: { [lang: string]: string };
  /**
   * Subject line.
   *
   * At most 1024 characters.
   * From `rfc6121-chat`.
   */
  subject?: string;
  /**
   * Conversation thread id.
   *
   * At most 256 characters.
   * From `rfc6121-chat`.
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
   * Id of the earlier message this one corrects.
   *
   * At most 256 characters.
   * From `xep-0308`.
   */
  replace?: string;
  /**
   * The sender's own unique id of the message (`<origin-id/>`), which rooms and servers keep while they may rewrite the stanza `id`.
   *
   * At most 256 characters.
   * From `xep-0359`.
   */
  originId?: string;
  /** The archive's data about the message. */
  mam: MamResult;
}

/**
 * Set which messages the server archives.
 *
 * `xmpp.mam.preferences`, browser → gateway, from `xep-0313`.
 * Callback: required.
 */
export interface XmppMamPreferencesOut {
  /** What to archive by default. */
  default: MamDefault;
  /** Contacts whose messages are always archived. */
  always?: string[];
  /** Contacts whose messages are never archived. */
  never?: string[];
  /** `true`: set the archiving preferences on the old `urn:xmpp:mam:tmp` namespace. */
  legacy?: boolean;
}

/**
 * Set the archiving preferences on the old `urn:xmpp:mam:tmp` namespace.
 *
 * `xmpp.mam.preferences`, browser → gateway, from `xep-0313`.
 * Callback: required.
 */
export interface XmppMamPreferencesLegacyOut {
  legacy: true;
  /** What to archive by default. */
  default: MamDefault;
  /** Contacts whose messages are always archived. */
  always?: string[];
  /** Contacts whose messages are never archived. */
  never?: string[];
}

/**
 * Ask an upload service (found by service discovery) for a slot: a URL to PUT the file to and the URL to share. A file over the service's limit is refused with `not-acceptable` and the application condition `file-too-large`.
 *
 * `xmpp.upload.slot`, browser → gateway, from `xep-0363`.
 * Callback: required.
 */
export interface XmppUploadSlotOut {
  /** The upload service. */
  to: string;
  /**
   * The file's name.
   *
   * At most 1024 characters.
   */
  filename: string;
  /**
   * The file's size in bytes.
   *
   * Integer from 0 to 9223372036854775807.
   */
  size: number;
  /**
   * The file's media type, e.g. `image/jpeg`.
   *
   * At most 256 characters.
   */
  contentType?: string;
}

/** What the `xmpp.upload.slot` callback receives on success. */
export interface XmppUploadSlotResult {
  /** Where and how to upload. */
  put: UploadPut;
  /** Where to download. */
  get: UploadGet;
}

/**
 * Ask that a message the user sent be withdrawn. Clients without retraction support show the fallback body instead. Retraction is a request: it cannot be enforced.
 *
 * `xmpp.chat.retract`, browser → gateway, from `xep-0424`.
 * Callback: none (fire and forget).
 */
export interface XmppChatRetractOut {
  /** Recipient of the message being retracted. */
  to: string;
  /**
   * Id of the message being retracted.
   *
   * At most 256 characters.
   */
  id: string;
}

/**
 * Ask that a message the user sent be withdrawn. Clients without retraction support show the fallback body instead. Retraction is a request: it cannot be enforced.
 *
 * `xmpp.chat.retract`, gateway → browser, from `xep-0424`.
 */
export interface XmppChatRetractIn {
  /** Who retracts their message. */
  from?: Jid;
  /**
   * Id of the message being retracted.
   *
   * At most 256 characters.
   */
  id: string;
}

/**
 * Withdraw a message the user sent to a room, or learn that an occupant withdrew one. XEP-0424 refers to room messages by the id the room stamped (XEP-0359 `stanza-id`).
 *
 * `xmpp.muc.retract`, browser → gateway, from `xep-0424`.
 * Callback: none (fire and forget).
 */
export interface XmppMucRetractOut {
  /**
   * Room JID.
   *
   * A JID, kept as a string.
   */
  room: string;
  /**
   * Id of the room message being retracted.
   *
   * At most 256 characters.
   */
  id: string;
}

/**
 * Withdraw a message the user sent to a room, or learn that an occupant withdrew one. XEP-0424 refers to room messages by the id the room stamped (XEP-0359 `stanza-id`).
 *
 * `xmpp.muc.retract`, gateway → browser, from `xep-0424`.
 */
export interface XmppMucRetractIn {
  /**
   * Room JID.
   *
   * A JID, kept as a string.
   */
  room?: string;
  /**
   * Nickname of who retracts.
   *
   * A JID resource (MUC nickname).
   */
  nick?: string;
  /**
   * Id of the room message being retracted.
   *
   * At most 256 characters.
   */
  id: string;
}

/**
 * React to a one-to-one message with emojis. Each reaction replaces the sender's earlier ones on that message; an empty list withdraws them all.
 *
 * `xmpp.chat.reaction`, browser → gateway, from `xep-0444`.
 * Callback: none (fire and forget).
 */
export interface XmppChatReactionOut {
  /** Sender of the message reacted to. */
  to: string;
  /**
   * Id of the message reacted to.
   *
   * At most 256 characters.
   */
  id: string;
  /**
   * The emojis, one per reaction, all the sender's reactions at once; omit or leave empty to withdraw them all.
   *
   * At most 64 characters.
   */
  reactions?: string[];
}

/**
 * React to a one-to-one message with emojis. Each reaction replaces the sender's earlier ones on that message; an empty list withdraws them all.
 *
 * `xmpp.chat.reaction`, gateway → browser, from `xep-0444`.
 */
export interface XmppChatReactionIn {
  /** Who reacted. */
  from?: Jid;
  /**
   * Id of the message reacted to.
   *
   * At most 256 characters.
   */
  id: string;
  /**
   * The emojis, one per reaction, all the sender's reactions at once; omit or leave empty to withdraw them all.
   *
   * At most 64 characters.
   */
  reactions?: string[];
}

/**
 * React to a room message with emojis. XEP-0444 refers to room messages by the id the room stamped (XEP-0359 `stanza-id`). Each reaction replaces the sender's earlier ones; an empty list withdraws them all.
 *
 * `xmpp.muc.reaction`, browser → gateway, from `xep-0444`.
 * Callback: none (fire and forget).
 */
export interface XmppMucReactionOut {
  /**
   * Room JID.
   *
   * A JID, kept as a string.
   */
  room: string;
  /**
   * Id of the room message reacted to.
   *
   * At most 256 characters.
   */
  id: string;
  /**
   * The emojis; omit or leave empty to withdraw all.
   *
   * At most 64 characters.
   */
  reactions?: string[];
}

/**
 * React to a room message with emojis. XEP-0444 refers to room messages by the id the room stamped (XEP-0359 `stanza-id`). Each reaction replaces the sender's earlier ones; an empty list withdraws them all.
 *
 * `xmpp.muc.reaction`, gateway → browser, from `xep-0444`.
 */
export interface XmppMucReactionIn {
  /**
   * Room JID.
   *
   * A JID, kept as a string.
   */
  room?: string;
  /**
   * Nickname of who reacted.
   *
   * A JID resource (MUC nickname).
   */
  nick?: string;
  /**
   * Id of the room message reacted to.
   *
   * At most 256 characters.
   */
  id: string;
  /**
   * The emojis; omit or leave empty to withdraw all.
   *
   * At most 64 characters.
   */
  reactions?: string[];
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
  "xmpp.rpc.perform": XmppRpcPerformOut;
  "xmpp.rpc.result": XmppRpcResultOut;
  "xmpp.discover.items": XmppDiscoverItemsOut;
  "xmpp.discover.info": XmppDiscoverInfoOut;
  "xmpp.muc.join": XmppMucJoinOut;
  "xmpp.muc.create": XmppMucCreateOut;
  "xmpp.muc.leave": XmppMucLeaveOut;
  "xmpp.muc.message": XmppMucMessageOut;
  "xmpp.muc.subject": XmppMucSubjectOut;
  "xmpp.muc.invite": XmppMucInviteOut;
  "xmpp.muc.invite.decline": XmppMucInviteDeclineOut;
  "xmpp.muc.room.destroy": XmppMucRoomDestroyOut;
  /** @deprecated Use `xmpp.muc.room.destroy`. */
  "xmpp.muc.destroy": XmppMucRoomDestroyOut;
  "xmpp.muc.cancel": XmppMucCancelOut;
  "xmpp.muc.role.set": XmppMucRoleSetOut;
  "xmpp.muc.role.get": XmppMucRoleGetOut;
  "xmpp.muc.affiliation": XmppMucAffiliationOut;
  "xmpp.muc.affiliation.get": XmppMucAffiliationGetOut;
  "xmpp.muc.room.nick": XmppMucRoomNickOut;
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
  "xmpp.vcard.get": XmppVcardGetOut;
  "xmpp.vcard.set": XmppVcardSetOut;
  "xmpp.search.get": XmppSearchGetOut;
  "xmpp.search.do": XmppSearchDoOut;
  "xmpp.pubsub.create": XmppPubsubCreateOut;
  "xmpp.pubsub.delete": XmppPubsubDeleteOut;
  "xmpp.pubsub.purge": XmppPubsubPurgeOut;
  "xmpp.pubsub.config.get": XmppPubsubConfigGetOut;
  "xmpp.pubsub.config.set": XmppPubsubConfigSetOut;
  "xmpp.pubsub.subscribe": XmppPubsubSubscribeOut;
  "xmpp.pubsub.unsubscribe": XmppPubsubUnsubscribeOut;
  "xmpp.pubsub.subscription": XmppPubsubSubscriptionOut;
  "xmpp.pubsub.subscriptions": XmppPubsubSubscriptionsOut | XmppPubsubSubscriptionsOwnerOut;
  "xmpp.pubsub.subscription.config.get": XmppPubsubSubscriptionConfigGetOut;
  "xmpp.pubsub.subscription.config.default": XmppPubsubSubscriptionConfigDefaultOut;
  "xmpp.pubsub.subscription.config.set": XmppPubsubSubscriptionConfigSetOut;
  "xmpp.pubsub.affiliations": XmppPubsubAffiliationsOut | XmppPubsubAffiliationsOwnerOut;
  "xmpp.pubsub.affiliation": XmppPubsubAffiliationOut;
  "xmpp.pubsub.publish": XmppPubsubPublishOut;
  "xmpp.pubsub.item.delete": XmppPubsubItemDeleteOut;
  "xmpp.pubsub.retrieve": XmppPubsubRetrieveOut;
  "xmpp.pubsub.authorisation": XmppPubsubAuthorisationOut;
  "xmpp.http.confirm": XmppHttpConfirmOut;
  "xmpp.http.deny": XmppHttpDenyOut;
  "xmpp.register.get": XmppRegisterGetOut;
  "xmpp.register.set": XmppRegisterSetOut;
  "xmpp.register.password": XmppRegisterPasswordOut;
  "xmpp.register.unregister": XmppRegisterUnregisterOut | XmppRegisterUnregisterFormOut;
  "xmpp.avatar.upload": XmppAvatarUploadOut;
  "xmpp.avatar.metadata": XmppAvatarMetadataOut;
  "xmpp.avatar.data": XmppAvatarDataOut;
  "xmpp.avatar.subscribe": XmppAvatarSubscribeOut;
  "xmpp.avatar.unsubscribe": XmppAvatarUnsubscribeOut;
  "xmpp.jingle.request": XmppJingleRequestOut;
  "xmpp.chat.receipt": XmppChatReceiptOut;
  "xmpp.block.list": XmppBlockListOut;
  "xmpp.block": XmppBlockOut;
  "xmpp.unblock": XmppUnblockOut;
  "xmpp.ping": XmppPingOut;
  "xmpp.muc.invite.direct": XmppMucInviteDirectOut;
  "xmpp.carbons.enable": XmppCarbonsEnableOut;
  "xmpp.carbons.disable": XmppCarbonsDisableOut;
  "xmpp.mam.query": XmppMamQueryOut | XmppMamQueryLegacyOut;
  "xmpp.mam.preferences": XmppMamPreferencesOut | XmppMamPreferencesLegacyOut;
  "xmpp.upload.slot": XmppUploadSlotOut;
  "xmpp.chat.retract": XmppChatRetractOut;
  "xmpp.muc.retract": XmppMucRetractOut;
  "xmpp.chat.reaction": XmppChatReactionOut;
  "xmpp.muc.reaction": XmppMucReactionOut;
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
  "xmpp.rpc.request": XmppRpcRequestIn;
  "xmpp.muc.message": XmppMucMessageIn;
  "xmpp.muc.subject": XmppMucSubjectIn;
  "xmpp.muc.roster": XmppMucRosterIn;
  "xmpp.muc.error": XmppMucErrorIn;
  "xmpp.muc.invite": XmppMucInviteIn;
  "xmpp.muc.invite.decline": XmppMucInviteDeclineIn;
  "xmpp.muc.room.config": XmppMucRoomConfigIn;
  "xmpp.muc.destroy": XmppMucDestroyIn;
  "xmpp.muc.voice.request": XmppMucVoiceRequestIn;
  "xmpp.command.list": XmppCommandListIn;
  "xmpp.pubsub.push.item": XmppPubsubPushItemIn;
  "xmpp.pubsub.push.retract": XmppPubsubPushRetractIn;
  "xmpp.pubsub.push.subscription": XmppPubsubPushSubscriptionIn;
  "xmpp.pubsub.push.affiliation": XmppPubsubPushAffiliationIn;
  "xmpp.pubsub.push.configuration": XmppPubsubPushConfigurationIn;
  "xmpp.pubsub.push.delete": XmppPubsubPushDeleteIn;
  "xmpp.pubsub.push.purge": XmppPubsubPushPurgeIn;
  "xmpp.pubsub.push.authorisation": XmppPubsubPushAuthorisationIn;
  "xmpp.http.verify": XmppHttpVerifyIn;
  "xmpp.avatar.push.metadata": XmppAvatarPushMetadataIn;
  "xmpp.jingle.request": XmppJingleRequestIn;
  "xmpp.chat.receipt": XmppChatReceiptIn;
  "xmpp.block.push": XmppBlockPushIn;
  "xmpp.unblock.push": XmppUnblockPushIn;
  "xmpp.muc.invite.direct": XmppMucInviteDirectIn;
  "xmpp.carbons.received": XmppCarbonsReceivedIn;
  "xmpp.carbons.sent": XmppCarbonsSentIn;
  "xmpp.mam.message": XmppMamMessageIn | XmppMamMessageLegacyIn;
  "xmpp.chat.retract": XmppChatRetractIn;
  "xmpp.muc.retract": XmppMucRetractIn;
  "xmpp.chat.reaction": XmppChatReactionIn;
  "xmpp.muc.reaction": XmppMucReactionIn;
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
  "xmpp.rpc.perform": XmppRpcPerformResult[];
  "xmpp.rpc.result": true;
  "xmpp.discover.items": XmppDiscoverItemsResult[];
  "xmpp.discover.info": XmppDiscoverInfoResult[];
  "xmpp.muc.room.destroy": true;
  /** @deprecated Use `xmpp.muc.room.destroy`. */
  "xmpp.muc.destroy": true;
  "xmpp.muc.cancel": true;
  "xmpp.muc.role.set": true;
  "xmpp.muc.role.get": XmppMucRoleGetResult[];
  "xmpp.muc.affiliation": true;
  "xmpp.muc.affiliation.get": XmppMucAffiliationGetResult[];
  "xmpp.muc.room.nick": XmppMucRoomNickResult;
  "xmpp.muc.room.config.get": DataForm;
  "xmpp.muc.room.config.set": true;
  "xmpp.muc.register.info": XmppMucRegisterInfoResult;
  "xmpp.muc.register": XmppMucRegisterResult;
  "xmpp.command.list.get": XmppCommandListGetResult[];
  /** @deprecated Use `xmpp.command.list.get`. */
  "xmpp.command.list": XmppCommandListGetResult[];
  "xmpp.command.info": XmppCommandInfoResult[];
  "xmpp.command.do": XmppCommandDoResult;
  "xmpp.vcard.get": XmppVcardGetResult;
  "xmpp.vcard.set": true;
  "xmpp.search.get": XmppSearchGetResult;
  "xmpp.search.do": XmppSearchDoResult;
  "xmpp.pubsub.create": true;
  "xmpp.pubsub.delete": true;
  "xmpp.pubsub.purge": true;
  "xmpp.pubsub.config.get": DataForm;
  "xmpp.pubsub.config.set": true;
  "xmpp.pubsub.subscribe": XmppPubsubSubscribeResult;
  "xmpp.pubsub.unsubscribe": true;
  "xmpp.pubsub.subscription": true;
  "xmpp.pubsub.subscriptions": XmppPubsubSubscriptionsResult[] | XmppPubsubSubscriptionsOwnerResult[];
  "xmpp.pubsub.subscription.config.get": DataForm;
  "xmpp.pubsub.subscription.config.default": DataForm;
  "xmpp.pubsub.subscription.config.set": true;
  "xmpp.pubsub.affiliations": XmppPubsubAffiliationsResult[] | XmppPubsubAffiliationsOwnerResult[];
  "xmpp.pubsub.affiliation": true;
  "xmpp.pubsub.publish": XmppPubsubPublishResult;
  "xmpp.pubsub.item.delete": true;
  "xmpp.pubsub.retrieve": XmppPubsubRetrieveResult[];
  "xmpp.pubsub.authorisation": true;
  "xmpp.http.confirm": true;
  "xmpp.http.deny": true;
  "xmpp.register.get": XmppRegisterGetResult;
  "xmpp.register.set": XmppRegisterSetResult;
  "xmpp.register.password": XmppRegisterPasswordResult;
  "xmpp.register.unregister": true;
  "xmpp.avatar.upload": XmppAvatarUploadResult;
  "xmpp.avatar.metadata": true;
  "xmpp.avatar.data": XmppAvatarDataResult;
  "xmpp.avatar.subscribe": true;
  "xmpp.avatar.unsubscribe": true;
  "xmpp.jingle.request": true;
  "xmpp.block.list": XmppBlockListResult[];
  "xmpp.block": true;
  "xmpp.unblock": true;
  "xmpp.ping": true;
  "xmpp.carbons.enable": true;
  "xmpp.carbons.disable": true;
  "xmpp.mam.query": XmppMamQueryResult | XmppMamQueryLegacyResult;
  "xmpp.mam.preferences": true;
  "xmpp.upload.slot": XmppUploadSlotResult;
}
