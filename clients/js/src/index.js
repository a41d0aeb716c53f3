// @ts-check
// The XMPP-FTW browser client: JSON events over one WebSocket to the gateway's /ws
// (docs/protocol.md). No dependencies; the gateway serves this file as /client.js.
//
//   import { connect } from '/client.js';
//   const client = connect('wss://gateway.example/ws');
//   client.on('xmpp.chat.message', (message) => show(message));
//   await client.login({ jid: 'romeo@example.org', password });
//   const roster = await client.emit('xmpp.roster.get', {});
//
// The types of every event and payload are in index.d.ts (generated from the specs).

/** @typedef {{event?: string, data?: any, ack?: number, error?: any, rsm?: any, xml?: string, seq?: number}} Frame */
/** @typedef {{resolve: (value: any) => void, reject: (reason: any) => void, event: string}} Pending */
/** @typedef {{getItem(key: string): string | null, setItem(key: string, value: string): void, removeItem(key: string): void}} Storage */

const DEFAULTS = {
  minDelay: 500,
  maxDelay: 30000,
  reconnect: true,
};

/** Events the client itself emits; they never come from the gateway. */
export const LOCAL_EVENTS = Object.freeze({
  open: 'client.open',
  close: 'client.close',
  resumed: 'client.resumed',
  resumeFailed: 'client.resume-failed',
});

/**
 * An error object as the gateway sends them, for requests that fail on this side.
 * @param {string} condition
 * @param {string} description
 */
function connectionError(condition, description) {
  return { type: 'connection', condition, description };
}

export class Client {
  /**
   * @param {string} url
   * @param {any} [options]
   */
  constructor(url, options = {}) {
    this.url = url;
    this.options = { ...DEFAULTS, ...options };
    /** @type {any} */
    this.WebSocket = this.options.WebSocket || globalThis.WebSocket;
    if (typeof this.WebSocket !== 'function') {
      throw new TypeError('No WebSocket implementation: pass options.WebSocket');
    }
    /** @type {Map<string, Set<Function>>} */
    this.handlers = new Map();
    /** @type {Map<number, Pending>} */
    this.pending = new Map();
    this.nextAck = 1;
    this.attempt = 0;
    this.closed = false;
    /** @type {any} */
    this.socket = null;
    /** @type {ReturnType<typeof setTimeout> | null} */
    this.timer = null;
    this.online = false;
    /** Resumption state: the token of the XMPP session and the last frame seen. */
    /** @type {{token: string, seq: number} | null} */
    this.resume = null;
    /** @type {Storage | null} */
    this.storage = null;
    this.storageKey = 'xmpp-ftw.resume';
    if (this.options.resume) {
      const resume = this.options.resume === true ? {} : this.options.resume;
      this.storage = resume.storage || null;
      this.storageKey = resume.key || this.storageKey;
      this.resume = this.loadResume();
    }
    /** The number of the last frame handled (frames carry one once resumable). */
    this.seq = this.resume ? this.resume.seq : 0;
    /** @type {(value: {resumed: boolean}) => void} */
    let settle = () => {};
    /** Settles once the first socket is open and a stored session was (or was not) resumed. */
    this.ready = new Promise((resolve) => (settle = resolve));
    this.settleReady = settle;
    this.open();
  }

  /**
   * Subscribes to an event from the gateway (or a local one, see LOCAL_EVENTS);
   * returns a function that unsubscribes.
   * @param {string} event
   * @param {Function} handler
   */
  on(event, handler) {
    let set = this.handlers.get(event);
    if (!set) this.handlers.set(event, (set = new Set()));
    set.add(handler);
    return () => this.off(event, handler);
  }

  /**
   * @param {string} event
   * @param {Function} handler
   */
  off(event, handler) {
    this.handlers.get(event)?.delete(handler);
  }

  /**
   * Sends an event with a callback; the Promise settles with the callback: it
   * resolves with the data (`rsm`, when the reply pages, is on `client.lastRsm`) and
   * rejects with the error object.
   * @param {string} event
   * @param {any} [data]
   * @returns {Promise<any>}
   */
  emit(event, data = {}) {
    return new Promise((resolve, reject) => {
      if (!this.socket || this.socket.readyState !== 1) {
        reject(connectionError('not-connected', 'Not connected to the gateway'));
        return;
      }
      const ack = this.nextAck++;
      this.pending.set(ack, { resolve, reject, event });
      this.socket.send(JSON.stringify({ event, data, ack }));
    });
  }

  /**
   * Logs in; resolves with the bound JID once `xmpp.connection` says online,
   * rejects with the `xmpp.error` object otherwise.
   * @param {any} credentials `{jid, password, host?, port?, resource?, register?}`
   * @returns {Promise<any>}
   */
  login(credentials) {
    return new Promise((resolve, reject) => {
      const done = () => {
        offOnline();
        offError();
      };
      const offOnline = this.on('xmpp.connection', (/** @type {any} */ data) => {
        if (data && data.status === 'online') {
          done();
          resolve(data.jid);
        }
      });
      const offError = this.on('xmpp.error', (/** @type {any} */ error) => {
        done();
        reject(error);
      });
      if (!this.send('xmpp.login', credentials)) {
        done();
        reject(connectionError('not-connected', 'Not connected to the gateway'));
      }
    });
  }

  /**
   * Sends an event without a callback (fire and forget); false when not connected.
   * @param {string} event
   * @param {any} [data]
   */
  send(event, data = {}) {
    if (!this.socket || this.socket.readyState !== 1) return false;
    this.socket.send(JSON.stringify({ event, data }));
    return true;
  }

  /** Closes for good: no reconnect, pending callbacks fail, the stored session is dropped. */
  close() {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.forgetResume();
    this.failPending(connectionError('disconnected', 'Client closed'));
    if (this.socket) this.socket.close(1000);
  }

  /** @private */
  open() {
    const socket = new this.WebSocket(this.url);
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.dispatch(LOCAL_EVENTS.open, {});
      if (this.resume) this.tryResume();
      else this.settleReady({ resumed: false });
    };
    socket.onmessage = (/** @type {{data: any}} */ message) => {
      /** @type {Frame} */
      let frame;
      try {
        frame = JSON.parse(String(message.data));
      } catch {
        return;
      }
      if (frame && typeof frame === 'object') this.receive(frame);
    };
    socket.onclose = (/** @type {{code: number}} */ close) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.online = false;
      this.dispatch(LOCAL_EVENTS.close, { code: close.code });
      // Callbacks of a resumable session come back with the buffered frames.
      if (!this.resume) this.failPending(connectionError('disconnected', 'Connection to the gateway lost'));
      if (!this.closed && this.options.reconnect) this.scheduleReconnect();
    };
  }

  /** @private */
  scheduleReconnect() {
    const { minDelay, maxDelay } = this.options;
    const ceiling = Math.min(maxDelay, minDelay * 2 ** this.attempt);
    // Full jitter keeps a restarted gateway from being hit by every browser at once.
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    this.attempt += 1;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.closed) this.open();
    }, delay);
  }

  /** @private */
  tryResume() {
    const resume = this.resume;
    if (!resume || !this.socket) return;
    const ack = this.nextAck++;
    this.pending.set(ack, {
      event: 'gateway.resume',
      resolve: (/** @type {any} */ data) => {
        if (data && typeof data.token === 'string') this.saveResume(data.token, this.seq);
        this.online = true;
        this.dispatch(LOCAL_EVENTS.resumed, data);
        this.settleReady({ resumed: true });
      },
      reject: (/** @type {any} */ error) => {
        this.forgetResume();
        this.failPending(error);
        this.dispatch(LOCAL_EVENTS.resumeFailed, error);
        this.settleReady({ resumed: false });
      },
    });
    this.socket.send(JSON.stringify({ event: 'gateway.resume', data: { token: resume.token, seq: resume.seq }, ack }));
  }

  /**
   * @private
   * @param {Frame} frame
   */
  receive(frame) {
    if (typeof frame.seq === 'number') {
      const online = frame.event === 'xmpp.connection' && frame.data && frame.data.status === 'online';
      // Numbers start again with each XMPP session; otherwise a number already seen
      // is a frame sent again after a resume, which this page has handled.
      if (!online && frame.seq <= this.seq) return;
      this.seq = frame.seq;
      if (this.resume) this.saveResume(this.resume.token, frame.seq);
    }
    if (typeof frame.event === 'string') {
      if (frame.event === 'xmpp.connection' && frame.data && frame.data.status === 'online') {
        this.online = true;
        if (this.options.resume) this.makeResumable();
      }
      this.dispatch(frame.event, frame.data, frame);
      return;
    }
    if (typeof frame.ack === 'number') {
      const pending = this.pending.get(frame.ack);
      if (!pending) return;
      this.pending.delete(frame.ack);
      if (frame.rsm !== undefined) this.lastRsm = frame.rsm;
      if (frame.error) pending.reject(frame.error);
      else pending.resolve(frame.data);
    }
  }

  /**
   * For an event the gateway wants answered (it carries an `ack`, e.g.
   * `xmpp.pubsub.push.authorisation`): `answer(data)` sends the answer,
   * `answer(null, error)` declines; only the first call counts.
   * @private
   * @param {Frame} [frame]
   * @returns {((data: any, error?: any) => boolean) | undefined}
   */
  answerer(frame) {
    if (!frame || typeof frame.ack !== 'number') return undefined;
    const ack = frame.ack;
    let answered = false;
    return (data, error = null) => {
      if (answered || !this.socket || this.socket.readyState !== 1) return false;
      answered = true;
      // The gateway declines on any error that is not null, so only null is "no error".
      const declined = error !== null && error !== undefined;
      this.socket.send(JSON.stringify({ ack, error: declined ? error : null, data: declined ? null : data }));
      return true;
    };
  }

  /** @private */
  makeResumable() {
    this.emit('gateway.resumable', {}).then(
      (/** @type {any} */ data) => {
        if (data && typeof data.token === 'string') this.saveResume(data.token, this.seq);
      },
      () => this.forgetResume(),
    );
  }

  /**
   * @private
   * @param {string} event
   * @param {any} data
   * @param {Frame} [frame]
   */
  dispatch(event, data, frame) {
    const set = this.handlers.get(event);
    if (!set) return;
    const answer = this.answerer(frame);
    for (const handler of [...set]) {
      try {
        handler(data, frame, answer);
      } catch (error) {
        // One faulty handler must not keep the others from their events.
        setTimeout(() => {
          throw error;
        });
      }
    }
  }

  /**
   * @private
   * @param {any} error
   */
  failPending(error) {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(error);
  }

  /** @private */
  loadResume() {
    if (!this.storage) return null;
    try {
      const saved = JSON.parse(this.storage.getItem(this.storageKey) || 'null');
      if (saved && typeof saved.token === 'string' && typeof saved.seq === 'number') return saved;
    } catch {
      // A damaged entry is as good as none.
    }
    return null;
  }

  /**
   * @private
   * @param {string} token
   * @param {number} seq
   */
  saveResume(token, seq) {
    this.resume = { token, seq };
    this.storage?.setItem(this.storageKey, JSON.stringify(this.resume));
  }

  /** @private */
  forgetResume() {
    this.resume = null;
    this.storage?.removeItem(this.storageKey);
  }
}

/**
 * Opens a client on the gateway's WebSocket URL (`ws://host:port/ws`).
 * @param {string} url
 * @param {any} [options]
 */
export function connect(url, options) {
  return new Client(url, options);
}
