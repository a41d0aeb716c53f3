// Unit tests of the client against an in-memory WebSocket (node --test).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connect, LOCAL_EVENTS } from '../src/index.js';

/** A WebSocket stand-in: records what the client sends and lets a test answer. */
class FakeSocket {
  static all = [];
  constructor(url) {
    this.url = url;
    this.readyState = 0;
    this.sent = [];
    FakeSocket.all.push(this);
    queueMicrotask(() => {
      this.readyState = 1;
      this.onopen?.();
    });
  }
  send(text) {
    this.sent.push(JSON.parse(text));
  }
  close(code = 1000) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
  /** The gateway sends `frame`. */
  receive(frame) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  /** The connection drops. */
  drop() {
    this.close(1006);
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const until = async (what, check) => {
  for (let i = 0; i < 200; i += 1) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  assert.fail(`timed out waiting for ${what}`);
};

function fresh(options = {}) {
  FakeSocket.all = [];
  const client = connect('ws://gateway.test/ws', { WebSocket: FakeSocket, minDelay: 5, maxDelay: 20, ...options });
  return client;
}

test('emit resolves with the callback data and numbers acks', async () => {
  const client = fresh();
  await client.ready;
  const socket = FakeSocket.all[0];
  const roster = client.emit('xmpp.roster.get', {});
  const message = client.emit('xmpp.chat.message', { to: 'juliet@example.org', content: 'Hi' });
  assert.deepEqual(socket.sent, [
    { event: 'xmpp.roster.get', data: {}, ack: 1 },
    { event: 'xmpp.chat.message', data: { to: 'juliet@example.org', content: 'Hi' }, ack: 2 },
  ]);
  socket.receive({ ack: 2, error: null, data: { id: 'm1' } });
  socket.receive({ ack: 1, error: null, data: [{ jid: { user: 'juliet', domain: 'example.org' } }], rsm: { count: 1 } });
  assert.deepEqual(await message, { id: 'm1' });
  assert.equal((await roster).length, 1);
  assert.deepEqual(client.lastRsm, { count: 1 });
  client.close();
});

test('emit rejects with the error object', async () => {
  const client = fresh();
  await client.ready;
  const socket = FakeSocket.all[0];
  const join = client.emit('xmpp.muc.join', { nick: 'romeo' });
  const error = { type: 'modify', condition: 'client-error', description: "Missing 'room' key" };
  socket.receive({ ack: 1, error, data: null });
  await assert.rejects(join, (e) => e.description === "Missing 'room' key");
  client.close();
});

test('emit while the socket is not open fails at once', async () => {
  const client = fresh({ reconnect: false });
  await assert.rejects(client.emit('xmpp.roster.get', {}), (e) => e.condition === 'not-connected');
  client.close();
});

test('handlers get events with their frame, and can unsubscribe', async () => {
  const client = fresh();
  await client.ready;
  const seen = [];
  const off = client.on('xmpp.chat.message', (data, frame) => seen.push([data.content, frame.xml]));
  FakeSocket.all[0].receive({ event: 'xmpp.chat.message', data: { content: 'one' }, xml: '<message/>' });
  off();
  FakeSocket.all[0].receive({ event: 'xmpp.chat.message', data: { content: 'two' } });
  assert.deepEqual(seen, [['one', '<message/>']]);
  client.close();
});

test('login resolves with the JID or rejects with xmpp.error', async () => {
  const client = fresh();
  await client.ready;
  const socket = FakeSocket.all[0];
  const failed = client.login({ jid: 'romeo@example.org', password: 'wrong' });
  assert.deepEqual(socket.sent[0], { event: 'xmpp.login', data: { jid: 'romeo@example.org', password: 'wrong' } });
  socket.receive({ event: 'xmpp.error', data: { type: 'auth', condition: 'login-fail', description: 'Login failed' } });
  await assert.rejects(failed, (e) => e.condition === 'login-fail');
  const ok = client.login({ jid: 'romeo@example.org', password: 'right' });
  const jid = { user: 'romeo', domain: 'example.org', resource: 'r' };
  socket.receive({ event: 'xmpp.connection', data: { status: 'online', jid } });
  assert.deepEqual(await ok, jid);
  assert.equal(client.online, true);
  client.close();
});

test('a dropped socket fails pending callbacks and reconnects with backoff', async () => {
  const client = fresh();
  await client.ready;
  const closes = [];
  client.on(LOCAL_EVENTS.close, (data) => closes.push(data.code));
  const pending = client.emit('xmpp.roster.get', {});
  FakeSocket.all[0].drop();
  await assert.rejects(pending, (e) => e.condition === 'disconnected');
  assert.deepEqual(closes, [1006]);
  await until('a second socket', () => FakeSocket.all.length === 2 && FakeSocket.all[1].readyState === 1);
  FakeSocket.all[1].drop();
  await until('a third socket', () => FakeSocket.all.length === 3);
  client.close();
  await tick();
  assert.equal(FakeSocket.all.length, 3, 'no reconnect after close()');
});

test('a resumable session resumes after a drop without repeating frames', async () => {
  const storage = new Map();
  const sessionStorage = {
    getItem: (k) => storage.get(k) ?? null,
    setItem: (k, v) => storage.set(k, v),
    removeItem: (k) => storage.delete(k),
  };
  const client = fresh({ resume: { storage: sessionStorage } });
  await client.ready;
  const first = FakeSocket.all[0];
  first.receive({ event: 'xmpp.connection', data: { status: 'online', jid: { domain: 'example.org' } }, seq: 1 });
  assert.deepEqual(first.sent.at(-1), { event: 'gateway.resumable', data: {}, ack: 1 });
  first.receive({ ack: 1, error: null, data: { token: 't1', grace: 60 }, seq: 2 });
  await tick();
  const seen = [];
  client.on('xmpp.chat.message', (data) => seen.push(data.content));
  first.receive({ event: 'xmpp.chat.message', data: { content: 'a' }, seq: 3 });
  assert.deepEqual(JSON.parse(storage.get('xmpp-ftw.resume')), { token: 't1', seq: 3 });
  const pending = client.emit('xmpp.roster.get', {});
  first.drop();
  await until('a second socket', () => FakeSocket.all.length === 2 && FakeSocket.all[1].sent.length === 1);
  const second = FakeSocket.all[1];
  assert.deepEqual(second.sent[0], { event: 'gateway.resume', data: { token: 't1', seq: 3 }, ack: 3 });
  second.receive({ ack: 3, error: null, data: { seq: 5, token: 't2' } });
  // Frame 3 again (already handled), then what was buffered while the socket was down.
  second.receive({ event: 'xmpp.chat.message', data: { content: 'a' }, seq: 3 });
  second.receive({ event: 'xmpp.chat.message', data: { content: 'b' }, seq: 4 });
  second.receive({ ack: 2, error: null, data: [], seq: 5 });
  assert.deepEqual(seen, ['a', 'b']);
  assert.deepEqual(await pending, []);
  assert.deepEqual(JSON.parse(storage.get('xmpp-ftw.resume')), { token: 't2', seq: 5 });

  // A page reload: a new client finds the session in storage and resumes it first.
  const reloaded = connect('ws://gateway.test/ws', { WebSocket: FakeSocket, resume: { storage: sessionStorage } });
  await until('the reloaded socket', () => FakeSocket.all.length === 3 && FakeSocket.all[2].sent.length === 1);
  assert.deepEqual(FakeSocket.all[2].sent[0].data, { token: 't2', seq: 5 });
  FakeSocket.all[2].receive({ ack: 1, error: null, data: { seq: 5, token: 't3' } });
  assert.deepEqual(await reloaded.ready, { resumed: true });
  reloaded.close();
  client.close();
  assert.equal(storage.has('xmpp-ftw.resume'), false);
});

test('a failed resume forgets the session and says so', async () => {
  const storage = new Map([['xmpp-ftw.resume', JSON.stringify({ token: 'old', seq: 9 })]]);
  const sessionStorage = {
    getItem: (k) => storage.get(k) ?? null,
    setItem: (k, v) => storage.set(k, v),
    removeItem: (k) => storage.delete(k),
  };
  const client = fresh({ resume: { storage: sessionStorage } });
  const failures = [];
  client.on(LOCAL_EVENTS.resumeFailed, (error) => failures.push(error.condition));
  await until('the resume request', () => FakeSocket.all[0]?.sent.length === 1);
  const error = { type: 'connection', condition: 'resume-failed', description: 'Unknown or expired token' };
  FakeSocket.all[0].receive({ ack: 1, error, data: null });
  assert.deepEqual(await client.ready, { resumed: false });
  assert.deepEqual(failures, ['resume-failed']);
  assert.equal(storage.has('xmpp-ftw.resume'), false);
  client.close();
});

test('a damaged stored session is ignored', async () => {
  const sessionStorage = { getItem: () => '{not json', setItem() {}, removeItem() {} };
  const client = fresh({ resume: { storage: sessionStorage } });
  assert.deepEqual(await client.ready, { resumed: false });
  assert.deepEqual(FakeSocket.all[0].sent, []);
  client.close();
});

test('events the gateway wants answered come with an answer function, used once', async () => {
  const client = fresh();
  await client.ready;
  const socket = FakeSocket.all[0];
  const answers = [];
  const approve = client.on('xmpp.pubsub.push.authorisation', (data, frame, answer) => {
    answers.push(answer([{ var: 'pubsub#allow', value: true }]));
    answers.push(answer([{ var: 'pubsub#allow', value: false }]));
  });
  let plain;
  client.on('xmpp.chat.message', (data, frame, answer) => (plain = answer));
  socket.receive({ event: 'xmpp.pubsub.push.authorisation', data: { id: 'sub1', form: {} }, ack: 3 });
  socket.receive({ event: 'xmpp.chat.message', data: { content: 'Hi' } });
  assert.deepEqual(answers, [true, false]);
  assert.equal(plain, undefined);
  approve();
  let declined;
  client.on('xmpp.pubsub.push.authorisation', (data, frame, answer) => (declined = answer));
  socket.receive({ event: 'xmpp.pubsub.push.authorisation', data: { id: 'sub2', form: {} }, ack: 4 });
  assert.equal(declined(null, { condition: 'not-allowed' }), true);
  assert.deepEqual(socket.sent, [
    { ack: 3, error: null, data: [{ var: 'pubsub#allow', value: true }] },
    { ack: 4, error: { condition: 'not-allowed' }, data: null },
  ]);
});
