// Types of the client in index.js. The event payloads come from events.d.ts, which
// is generated from the specs (the same file as docs/xmpp-ftw-events.d.ts), so an
// event name or key the gateway does not know is a compile error.

import type { EventResults, IncomingEvents, Jid, OutgoingEvents } from './events.js';

export * from './events.js';

/** `xmpp.login`: log in with a password. */
export interface Login {
  jid: string;
  password: string;
  /** The XMPP server's host, when it is not the JID's domain (or its SRV target). */
  host?: string;
  port?: number;
  resource?: string;
  /** Register the account first (XEP-0077). */
  register?: boolean;
}

/** `xmpp.login.anonymous`: log in anonymously to a domain. */
export interface LoginAnonymous {
  jid: string;
  host?: string;
  port?: number;
  resource?: string;
}

/** An error object of a connection-level event (`xmpp.error`) or a failed request. */
export interface GatewayError {
  type: string;
  condition: string;
  description?: string;
  request?: unknown;
}

/** Events of the session itself, which no spec defines (docs/protocol.md). */
export interface SessionOutgoing {
  'xmpp.login': Login;
  'xmpp.login.anonymous': LoginAnonymous;
  'xmpp.logout': Record<string, never>;
  'gateway.xml': { enabled: boolean };
  'gateway.resumable': Record<string, never>;
  'gateway.resume': { token: string; seq: number };
}

export interface SessionResults {
  'xmpp.logout': true;
  'gateway.xml': true;
  'gateway.resumable': { token: string; grace: number };
  'gateway.resume': { seq: number; token: string };
}

export interface SessionIncoming {
  'xmpp.connection': { status: string; jid?: Jid };
  'xmpp.error': GatewayError;
  'xmpp.error.client': GatewayError;
}

/** Events the client emits itself (see LOCAL_EVENTS). */
export interface LocalEvents {
  'client.open': Record<string, never>;
  'client.close': { code: number };
  'client.resumed': { seq: number; token: string };
  'client.resume-failed': GatewayError;
}

/** Answers an event the gateway sent with an `ack`; `true` when the answer was sent. */
export type Answer = (data: unknown, error?: unknown) => boolean;

export type Outgoing = OutgoingEvents & SessionOutgoing;
export type Incoming = IncomingEvents & SessionIncoming & LocalEvents;
export type OutgoingName = keyof Outgoing;
export type IncomingName = keyof Incoming;
/** What `emit(event)` resolves with. */
export type ResultOf<E extends OutgoingName> = E extends keyof EventResults
  ? EventResults[E]
  : E extends keyof SessionResults
    ? SessionResults[E]
    : true;

/** A frame as received, for handlers that want the stanza's XML or the sequence number. */
export interface Frame {
  event?: string;
  data?: unknown;
  ack?: number;
  error?: GatewayError | null;
  rsm?: unknown;
  /** The stanza as received, once `gateway.xml` is enabled. */
  xml?: string;
  /** The frame's number in a resumable session. */
  seq?: number;
}

export interface ResumeOptions {
  /** Where the token and last sequence number live across page loads (`sessionStorage`). */
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  /** Storage key; `xmpp-ftw.resume` by default. */
  key?: string;
}

export interface ConnectOptions {
  /** Reconnect after the socket drops (default true), with exponential backoff. */
  reconnect?: boolean;
  /** First reconnect delay in ms (default 500). */
  minDelay?: number;
  /** Longest reconnect delay in ms (default 30000). */
  maxDelay?: number;
  /** Make the session resumable after login and resume it after a drop or reload. */
  resume?: boolean | ResumeOptions;
  /** A WebSocket constructor, where there is no global one (Node < 22, tests). */
  WebSocket?: unknown;
}

export declare const LOCAL_EVENTS: {
  readonly open: 'client.open';
  readonly close: 'client.close';
  readonly resumed: 'client.resumed';
  readonly resumeFailed: 'client.resume-failed';
};

export declare class Client {
  constructor(url: string, options?: ConnectOptions);
  readonly url: string;
  /** Whether the XMPP session is online. */
  readonly online: boolean;
  /** The `rsm` of the last callback that had one (XEP-0059 paging). */
  readonly lastRsm?: unknown;
  /** Settles once the first socket is open and a stored session was, or was not, resumed. */
  readonly ready: Promise<{ resumed: boolean }>;
  /**
   * `answer` is given for events the gateway wants answered (the frame has an `ack`,
   * e.g. `xmpp.pubsub.push.authorisation`): `answer(data)` sends the answer,
   * `answer(null, error)` declines; only the first call is sent (it returns `true`).
   */
  on<E extends IncomingName>(event: E, handler: (data: Incoming[E], frame: Frame, answer?: Answer) => void): () => void;
  off<E extends IncomingName>(event: E, handler: (data: Incoming[E], frame: Frame, answer?: Answer) => void): void;
  /** Sends with a callback: resolves with its data, rejects with its error. */
  emit<E extends OutgoingName>(event: E, data: Outgoing[E]): Promise<ResultOf<E>>;
  /** Sends without a callback; false when the socket is not open. */
  send<E extends OutgoingName>(event: E, data: Outgoing[E]): boolean;
  /** Logs in; resolves with the bound JID. */
  login(credentials: Login): Promise<Jid>;
  /** Closes for good: no reconnect, and the stored session is forgotten. */
  close(): void;
}

export declare function connect(url: string, options?: ConnectOptions): Client;
