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
  /** A string value without a type element. */
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
  /** A string value without a type element. */
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
  /** A string value without a type element. */
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
  /** A string value without a type element. */
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
  /** A string value without a type element. */
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
  /** A string value without a type element. */
  value?: string | number | RpcValueIn[] | RpcMemberIn[];
  /**
   * The value's XML-RPC type; a value without one is a string.
   *
   * @default "string"
   */
  type?: RpcType;
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
  /** `audio` or `video`. */
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
  /** `audio` or `video`. */
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
  /** ICE username fragment. */
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
  /** ICE username fragment. */
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
  /** A string value without a type element. */
  value?: string | number | RpcValueIn[] | RpcMemberIn[];
  /**
   * The value's XML-RPC type; a value without one is a string.
   *
   * @default "string"
   */
  type?: RpcType;
}

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
  /** A fault instead of values: by XML-RPC a struct of `faultCode` (int) and `faultString` (string). */
  fault?: RpcValueOut;
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
 * An HTTP server asks the user to confirm that a request is theirs. Answer with `xmpp.http.confirm` or `xmpp.http.deny`, passing `type` and `id` back.
 *
 * `xmpp.http.verify`, gateway → browser, from `xep-0070`.
 */
export interface XmppHttpVerifyIn {
  /** The HTTP server. */
  from?: Jid;
  /** The IQ's id (for an IQ). */
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
  /** The request, echoed back (optional for an IQ). */
  request?: HttpRequestOut;
  /** `iq` or `message`, as in `xmpp.http.verify`. */
  type: HttpStanza;
  /**
   * The request's id (required for an IQ).
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
  /** The request, echoed back (optional for an IQ). */
  request?: HttpRequestOut;
  /** `iq` or `message`, as in `xmpp.http.verify`. */
  type: HttpStanza;
  /**
   * The request's id (required for an IQ).
   *
   * At most 1024 characters.
   */
  id?: string;
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
  "xmpp.muc.join": XmppMucJoinOut;
  "xmpp.muc.create": XmppMucCreateOut;
  "xmpp.muc.leave": XmppMucLeaveOut;
  "xmpp.muc.message": XmppMucMessageOut;
  "xmpp.muc.subject": XmppMucSubjectOut;
  "xmpp.http.confirm": XmppHttpConfirmOut;
  "xmpp.http.deny": XmppHttpDenyOut;
  "xmpp.jingle.request": XmppJingleRequestOut;
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
  "xmpp.rpc.request": XmppRpcRequestIn;
  "xmpp.muc.message": XmppMucMessageIn;
  "xmpp.muc.subject": XmppMucSubjectIn;
  "xmpp.muc.roster": XmppMucRosterIn;
  "xmpp.muc.error": XmppMucErrorIn;
  "xmpp.http.verify": XmppHttpVerifyIn;
  "xmpp.jingle.request": XmppJingleRequestIn;
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
  "xmpp.rpc.perform": XmppRpcPerformResult[];
  "xmpp.rpc.result": true;
  "xmpp.http.confirm": true;
  "xmpp.http.deny": true;
  "xmpp.jingle.request": true;
}
