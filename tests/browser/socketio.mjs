// Original XMPP-FTW clients speak Socket.IO: two pages load socket.io-client and use
// the gateway's /socket.io/ endpoint over HTTP long-polling only, with the same
// events and acks as /ws (emit with a callback `(error, data, rsm)`, `on(event)`).
import { fileURLToPath } from 'node:url';
import { bare, newPage, run, setup, step } from './lib.mjs';

const s = setup();
// The browser bundle is not among the package's exports, so it is found by path.
const bundle = fileURLToPath(new URL('node_modules/socket.io-client/dist/socket.io.min.js', import.meta.url));

async function online(browser, user) {
  // The bundle is injected as an inline script, which the gateway's pages forbid.
  const page = await newPage(browser, user.jid, { bypassCSP: true });
  await page.goto(`${s.gateway}/demo`);
  await page.addScriptTag({ path: bundle });
  const jid = await page.evaluate(
    ({ user, host, port }) =>
      new Promise((resolve, reject) => {
        const socket = io(location.origin, { transports: ['polling'] });
        window.socket = socket;
        window.received = [];
        socket.on('xmpp.chat.message', (data) => window.received.push(data));
        socket.on('xmpp.connection', (data) => {
          if (data.status === 'online') resolve(data.jid);
        });
        socket.on('xmpp.error', (error) => reject(new Error(JSON.stringify(error))));
        socket.on('connect', () =>
          socket.emit('xmpp.login', { jid: user.jid, password: user.password, host, port: Number(port) }),
        );
      }),
    { user, host: s.host, port: s.port },
  );
  const transport = await page.evaluate(() => window.socket.io.engine.transport.name);
  if (transport !== 'polling') throw new Error(`transport ${transport}`);
  await page.evaluate(() => window.socket.emit('xmpp.presence', {}));
  step(`${bare(user.jid)} online over Socket.IO long-polling as ${JSON.stringify(jid)}`);
  return page;
}

await run('socketio', async (browser) => {
  const romeo = await online(browser, s.romeo);
  const juliet = await online(browser, s.juliet);
  const [error, roster] = await romeo.evaluate(
    () => new Promise((resolve) => window.socket.emit('xmpp.roster.get', {}, (error, data) => resolve([error, data]))),
  );
  if (error !== null || !Array.isArray(roster)) throw new Error(`roster ${JSON.stringify([error, roster])}`);
  step('roster callback over long-polling');
  const [refusal] = await romeo.evaluate(
    () => new Promise((resolve) => window.socket.emit('xmpp.roster.add', {}, (...args) => resolve(args))),
  );
  if (refusal?.condition !== 'client-error') throw new Error(`refusal ${JSON.stringify(refusal)}`);
  step(`a bad payload is refused: ${refusal.description}`);
  await romeo.evaluate((to) => window.socket.emit('xmpp.chat.message', { to, content: 'By polling' }), bare(s.juliet.jid));
  await juliet.waitForFunction(() => window.received.some((m) => m.content === 'By polling'));
  step('a chat message went from one polling page to the other');
});
