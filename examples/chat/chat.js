// A small web chat on the XMPP-FTW JS client: a roster with presence, one-to-one
// chat with typing notifications (XEP-0085) and a group chat room (XEP-0045).
// Everything from the network is shown with textContent, never as HTML.
import { connect } from '../../client.js';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const socketUrl = new URL('../../ws', location.href);
socketUrl.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';

// Resumable: after a reload the gateway hands the same XMPP session back, with
// whatever arrived in between (docs/protocol.md).
const client = connect(socketUrl.href, { resume: { storage: sessionStorage } });
const contacts = new Map(); // bare JID -> { name, show, unread }
const rooms = new Map(); // room JID -> { nick, occupants: Set, unread }
const conversations = new Map(); // 'chat:<bare>' or 'room:<jid>' -> [{ who, text, mine }]
let current = null; // { kind: 'chat' | 'room', jid }
let me = '';

const bare = (jid) => (typeof jid === 'string' ? jid.split('/')[0] : (jid.user ? `${jid.user}@` : '') + jid.domain);
const key = (kind, jid) => `${kind}:${jid}`;

// Defaults from the page's address, so the demo script can hand out ready links.
for (const field of ['jid', 'password', 'host', 'port']) {
  if (params.has(field)) $(field).value = params.get(field);
}
if (params.has('room')) $('room-jid').value = params.get('room');

async function enter(jid) {
  me = bare(jid);
  sessionStorage.setItem('chat.me', JSON.stringify(jid));
  $('me').textContent = me;
  $('nick').value ||= jid.user || 'me';
  $('login').hidden = true;
  $('app').hidden = false;
  const roster = await client.emit('xmpp.roster.get', {});
  for (const item of roster) upsertContact(bare(item.jid), { name: item.name });
}

// The gateway replays only what this page had not handled before it went away; what
// it had handled lives on in sessionStorage, so a reload shows it again.
addEventListener('pagehide', () => {
  const state = {
    contacts: [...contacts],
    rooms: [...rooms].map(([jid, room]) => [jid, { ...room, occupants: [...room.occupants] }]),
    conversations: [...conversations],
  };
  sessionStorage.setItem('chat.state', JSON.stringify(state));
});

function restore() {
  const state = JSON.parse(sessionStorage.getItem('chat.state') || 'null');
  if (!state) return;
  for (const [jid, contact] of state.contacts) contacts.set(jid, contact);
  for (const [jid, room] of state.rooms) rooms.set(jid, { ...room, occupants: new Set(room.occupants) });
  for (const [id, messages] of state.conversations) conversations.set(id, messages);
  renderSidebar();
}

client.ready.then(async ({ resumed }) => {
  const saved = sessionStorage.getItem('chat.me');
  if (resumed && saved) {
    restore();
    await enter(JSON.parse(saved));
  } else {
    sessionStorage.removeItem('chat.state');
  }
});

$('login').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('login-error').textContent = '';
  const credentials = { jid: $('jid').value.trim(), password: $('password').value };
  if ($('host').value.trim()) credentials.host = $('host').value.trim();
  if ($('port').value.trim()) credentials.port = Number($('port').value);
  try {
    await client.ready;
    const jid = await client.login(credentials);
    client.send('xmpp.presence', {});
    await enter(jid);
  } catch (error) {
    $('login-error').textContent = error.description || error.condition || String(error);
  }
});

// ---- roster and presence --------------------------------------------------------

function upsertContact(jid, changes) {
  const contact = contacts.get(jid) || { name: '', show: 'offline', unread: 0 };
  Object.assign(contact, Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)));
  contacts.set(jid, contact);
  renderSidebar();
}

client.on('xmpp.roster.push', (item) => {
  if (!item.jid) return;
  if (item.subscription === 'remove') contacts.delete(bare(item.jid));
  else upsertContact(bare(item.jid), { name: item.name });
  renderSidebar();
});

client.on('xmpp.presence', (presence) => {
  if (!presence.from || bare(presence.from) === me) return;
  const jid = bare(presence.from);
  if (!contacts.has(jid)) return;
  upsertContact(jid, { show: presence.show || 'online' });
});

$('add-contact').addEventListener('submit', async (event) => {
  event.preventDefault();
  const jid = $('contact-jid').value.trim();
  await client.emit('xmpp.roster.add', { jid });
  client.send('xmpp.presence.subscribe', { to: jid });
  $('contact-jid').value = '';
  upsertContact(jid, {});
});

client.on('xmpp.presence.subscribe', (request) => {
  if (!request.from) return;
  const jid = bare(request.from);
  const item = document.createElement('li');
  const text = document.createElement('span');
  text.textContent = `${jid} wants to see your presence`;
  const accept = document.createElement('button');
  accept.textContent = 'Accept';
  accept.className = 'accept';
  accept.addEventListener('click', () => {
    client.send('xmpp.presence.subscribed', { to: jid });
    client.send('xmpp.presence.subscribe', { to: jid });
    upsertContact(jid, {});
    item.remove();
  });
  item.append(text, accept);
  $('requests').append(item);
});

// ---- one-to-one chat with typing notifications ----------------------------------

client.on('xmpp.chat.message', (message) => {
  if (!message.from) return;
  const jid = bare(message.from);
  if (message.content) {
    addMessage(key('chat', jid), { who: jid, text: message.content, mine: false });
    if (!contacts.has(jid)) upsertContact(jid, {});
  }
  if (current && current.kind === 'chat' && current.jid === jid) {
    // A message with content ends the typing, whatever state it carries.
    const typing = message.state === 'composing' && !message.content;
    $('typing').textContent = typing ? `${contacts.get(jid)?.name || jid} is typing…` : '';
  }
});

let composing = false;
let pausedTimer = null;
$('text').addEventListener('input', () => {
  if (!current || current.kind !== 'chat') return;
  const to = current.jid;
  if (!composing) {
    composing = true;
    client.send('xmpp.chat.message', { to, state: 'composing' });
  }
  clearTimeout(pausedTimer);
  pausedTimer = setTimeout(() => {
    composing = false;
    client.send('xmpp.chat.message', { to, state: 'paused' });
  }, 3000);
});

$('compose').addEventListener('submit', async (event) => {
  event.preventDefault();
  const text = $('text').value;
  if (!text.trim() || !current) return;
  $('text').value = '';
  if (current.kind === 'chat') {
    clearTimeout(pausedTimer);
    composing = false;
    await client.emit('xmpp.chat.message', { to: current.jid, content: text, state: 'active' });
    addMessage(key('chat', current.jid), { who: me, text, mine: true });
  } else {
    // The room echoes our own message back; it is shown then.
    await client.emit('xmpp.muc.message', { room: current.jid, content: text });
  }
});

// ---- a room -----------------------------------------------------------------------

$('join-room').addEventListener('submit', async (event) => {
  event.preventDefault();
  const room = $('room-jid').value.trim();
  const nick = $('nick').value.trim();
  rooms.set(room, { nick, occupants: new Set(), unread: 0 });
  // Enters the room, creating it with the default configuration if it is new.
  client.send('xmpp.muc.create', { room, nick, instant: true });
  open('room', room);
});

client.on('xmpp.muc.roster', (occupant) => {
  const room = rooms.get(occupant.room);
  if (!room || !occupant.nick) return;
  if (occupant.type === 'unavailable') room.occupants.delete(occupant.nick);
  else room.occupants.add(occupant.nick);
  renderSidebar();
});

client.on('xmpp.muc.error', (error) => {
  if (!rooms.has(error.room)) return;
  const why = error.error?.condition || 'error';
  addMessage(key('room', error.room), { who: error.room, text: `Could not enter the room (${why})`, mine: false });
});

client.on('xmpp.muc.message', (message) => {
  const room = rooms.get(message.room);
  if (!room || !message.content) return;
  addMessage(key('room', message.room), {
    who: message.nick || message.room,
    text: message.content,
    mine: message.nick === room.nick,
  });
});

// ---- rendering ----------------------------------------------------------------------

function addMessage(conversation, message) {
  if (!conversations.has(conversation)) conversations.set(conversation, []);
  conversations.get(conversation).push(message);
  if (current && key(current.kind, current.jid) === conversation) renderMessages();
  else {
    const [kind, ...rest] = conversation.split(':');
    const entry = kind === 'chat' ? contacts.get(rest.join(':')) : rooms.get(rest.join(':'));
    if (entry) entry.unread += 1;
    renderSidebar();
  }
}

function open(kind, jid) {
  current = { kind, jid };
  const entry = kind === 'chat' ? contacts.get(jid) : rooms.get(jid);
  if (entry) entry.unread = 0;
  $('title').textContent = kind === 'chat' ? `Chat with ${entry?.name || jid}` : `Room ${jid}`;
  $('title').dataset.conversation = key(kind, jid);
  $('typing').textContent = '';
  $('compose').hidden = false;
  $('text').focus();
  renderMessages();
  renderSidebar();
}

function renderMessages() {
  const list = $('messages');
  list.textContent = '';
  for (const message of conversations.get(key(current.kind, current.jid)) || []) {
    const item = document.createElement('li');
    item.className = message.mine ? 'mine' : 'theirs';
    const who = document.createElement('span');
    who.className = 'who';
    who.textContent = message.who;
    const text = document.createElement('span');
    text.className = 'text';
    text.textContent = message.text;
    item.append(who, text);
    list.append(item);
  }
  list.scrollTop = list.scrollHeight;
}

function renderSidebar() {
  const roster = $('roster');
  roster.textContent = '';
  for (const [jid, contact] of [...contacts].sort(([a], [b]) => a.localeCompare(b))) {
    roster.append(sidebarItem('contact', jid, contact.name || jid, contact.show, contact.unread));
  }
  const list = $('rooms');
  list.textContent = '';
  for (const [jid, room] of rooms) {
    const label = `${jid} (${room.occupants.size})`;
    list.append(sidebarItem('room', jid, label, room.occupants.size ? 'online' : 'offline', room.unread));
  }
}

function sidebarItem(kind, jid, label, show, unread) {
  const item = document.createElement('li');
  item.className = kind + (current && current.jid === jid ? ' active' : '');
  item.dataset.jid = jid;
  item.dataset.show = show;
  const dot = document.createElement('span');
  dot.className = `dot ${show}`;
  const name = document.createElement('span');
  name.textContent = label;
  item.append(dot, name);
  if (unread) {
    const badge = document.createElement('span');
    badge.className = 'unread';
    badge.textContent = String(unread);
    item.append(badge);
  }
  item.addEventListener('click', () => open(kind === 'contact' ? 'chat' : 'room', jid));
  return item;
}
