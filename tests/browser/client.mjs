// A page that uses the JS client the gateway serves at /client.js: connect, log in,
// a roster request whose Promise resolves, a message both ways.
import { bare, newPage, run, setup, step } from './lib.mjs';

const s = setup();

await run('client', async (browser) => {
  const juliet = await newPage(browser, 'juliet');
  const romeo = await newPage(browser, 'romeo');
  // Any page of the gateway gives the origin; the client is imported like an app would.
  for (const page of [juliet, romeo]) await page.goto(`${s.gateway}/demo`);
  const start = async (page, user) =>
    page.evaluate(
      async ({ user, host, port }) => {
        const { connect } = await import('/client.js');
        const client = connect(new URL('/ws', location.href).href.replace(/^http/, 'ws'));
        window.client = client;
        window.received = [];
        client.on('xmpp.chat.message', (message) => window.received.push(message));
        await client.ready;
        const jid = await client.login({ jid: user.jid, password: user.password, host, port: Number(port) });
        client.send('xmpp.presence', {});
        return jid;
      },
      { user, host: s.host, port: s.port },
    );
  const julietJid = await start(juliet, s.juliet);
  const romeoJid = await start(romeo, s.romeo);
  if (!julietJid.resource || romeoJid.user !== 'romeo') throw new Error(`bound ${JSON.stringify(romeoJid)}`);
  step('both logged in with client.login()');

  const roster = await romeo.evaluate(() => window.client.emit('xmpp.roster.get', {}));
  if (!Array.isArray(roster)) throw new Error(`roster: ${JSON.stringify(roster)}`);
  step("the client's promise got the roster");

  const refused = await romeo.evaluate(() =>
    window.client.emit('xmpp.muc.join', { nick: 'romeo' }).then(
      () => null,
      (error) => error.description,
    ),
  );
  if (refused !== "Missing 'room' key") throw new Error(`refusal: ${refused}`);
  step('a refused request rejects with the error object');

  const sent = await romeo.evaluate(
    (to) => window.client.emit('xmpp.chat.message', { to, content: 'From the client' }),
    bare(s.juliet.jid),
  );
  if (typeof sent.id !== 'string') throw new Error(`sent: ${JSON.stringify(sent)}`);
  await juliet.waitForFunction(() => window.received.some((m) => m.content === 'From the client'));
  const from = await juliet.evaluate(() => window.received.find((m) => m.content === 'From the client').from);
  if (from.user !== 'romeo') throw new Error(`from ${JSON.stringify(from)}`);
  step('a message sent with emit() arrived through on()');
});
