// Compile-time tests of the generated types: `npm test` runs tsc on this file first,
// and every `@ts-expect-error` line must be an error, or tsc fails.
import { connect, type Jid, type XmppRosterGetResult } from '../src/index.js';

const client = connect('ws://127.0.0.1:3000/ws');

async function correctUse(): Promise<void> {
  const jid: Jid = await client.login({ jid: 'romeo@example.org', password: 'secret' });
  void jid;
  const sent: { id: string } = await client.emit('xmpp.chat.message', {
    to: 'juliet@example.org',
    content: 'Hello',
    state: 'active',
  });
  void sent;
  const roster: XmppRosterGetResult[] = await client.emit('xmpp.roster.get', {});
  void roster;
  await client.emit('xmpp.muc.join', { room: 'coven@chat.example.org', nick: 'romeo' });
  client.on('xmpp.chat.message', (message, frame) => {
    const from: Jid | undefined = message.from;
    const xml: string | undefined = frame.xml;
    void from;
    void xml;
  });
  client.on('client.resume-failed', (error) => void error.condition);
}

async function typos(): Promise<void> {
  // @ts-expect-error an event name no spec defines
  await client.emit('xmpp.chat.mesage', { to: 'juliet@example.org', content: 'Hi' });
  // @ts-expect-error a key the event does not have
  await client.emit('xmpp.chat.message', { to: 'juliet@example.org', contnet: 'Hi' });
  // @ts-expect-error a required key missing
  await client.emit('xmpp.muc.join', { nick: 'romeo' });
  // @ts-expect-error a value outside the enum
  await client.emit('xmpp.chat.message', { to: 'juliet@example.org', state: 'typing' });
  // @ts-expect-error an incoming event that does not exist
  client.on('xmpp.chat.mesage', () => {});
  // @ts-expect-error a key incoming messages do not have
  client.on('xmpp.chat.message', (message) => void message.contnet);
}

void correctUse;
void typos;
