// Two pages log in through /demo, chat one to one, join a room and speak in it; the
// manual is checked on the way. With SCREENSHOT_DIR set, it also saves manual.png and
// demo.png there (the README's pictures).
import { bare, newPage, run, setup, step } from './lib.mjs';

const s = setup();
const room = `demo-room@${s.muc}`;

async function login(page, user) {
  await page.goto(`${s.gateway}/demo`);
  await page.waitForSelector('body[data-events]');
  await page.fill('#jid', user.jid);
  await page.fill('#password', user.password);
  await page.fill('#host', s.host);
  await page.fill('#port', s.port);
  await page.click('#login');
  await page.waitForSelector('#status[data-state="online"]');
  // Available presence, without which the server delivers no chat messages.
  await sendEvent(page, 'xmpp.presence', {});
  step(`${user.jid} online through /demo`);
}

/** Picks `event` with the autocomplete field, then replaces the example payload. */
async function sendEvent(page, event, payload) {
  await page.fill('#event', event);
  await page.dispatchEvent('#event', 'change');
  await page.fill('#payload', JSON.stringify(payload, null, 2));
  await page.click('#send');
}

/** The pretty-printed data of the first log entry titled `title` whose text has `needle`. */
async function logEntry(page, title, needle) {
  const entry = page.locator('#log .entry', { has: page.locator('.head strong', { hasText: title }) })
    .filter({ hasText: needle })
    .first();
  await entry.waitFor();
  return JSON.parse(await entry.locator('pre.data').textContent());
}

await run('demo', async (browser) => {
  const manual = await newPage(browser, 'manual');
  await manual.goto(`${s.gateway}/manual`);
  const events = await manual.locator('article.event').count();
  if (events < 10) throw new Error(`the manual shows ${events} events`);
  const join = manual.locator('#event-xmpp-muc-join');
  await join.locator('pre.json').first().waitFor();
  await join.locator('pre.xml').first().waitFor();
  if (!(await join.textContent()).includes('required')) throw new Error('no required flags for xmpp.muc.join');
  await manual.fill('#filter', 'muc.join');
  if (await manual.locator('#event-xmpp-chat-message').isVisible()) throw new Error('the filter hides nothing');
  await manual.fill('#filter', '');
  step(`manual shows ${events} events with examples`);
  if (s.screenshots) {
    await manual.goto(`${s.gateway}/manual#event-xmpp-muc-join`);
    await manual.screenshot({ path: `${s.screenshots}/manual.png` });
  }

  const romeo = await newPage(browser, 'romeo');
  const juliet = await newPage(browser, 'juliet');
  await login(romeo, s.romeo);
  await login(juliet, s.juliet);

  // Choosing an event offers its example payload and key list.
  await romeo.fill('#event', 'xmpp.chat.message');
  await romeo.dispatchEvent('#event', 'change');
  const example = JSON.parse(await romeo.inputValue('#payload'));
  if (!example.to) throw new Error(`no example payload for xmpp.chat.message: ${JSON.stringify(example)}`);
  if ((await romeo.locator('#keys tbody tr').count()) < 3) throw new Error('no key list');
  const options = await romeo.locator('#event-names option').count();
  step(`the event field offers ${options} outgoing events; xmpp.chat.message comes with an example`);

  await sendEvent(romeo, 'xmpp.chat.message', { to: bare(s.juliet.jid), content: 'Wherefore art thou? <b>&amp;</b>' });
  const sent = await logEntry(romeo, 'callback #', '"id"');
  if (sent.error !== null || typeof sent.data.id !== 'string') throw new Error(`callback: ${JSON.stringify(sent)}`);
  const got = await logEntry(juliet, 'xmpp.chat.message', 'Wherefore');
  if (got.content !== 'Wherefore art thou? <b>&amp;</b>' || got.from.user !== bare(s.romeo.jid).split('@')[0]) {
    throw new Error(`juliet got ${JSON.stringify(got)}`);
  }
  step('romeo → juliet chat message arrived, markup shown as text');

  await sendEvent(juliet, 'xmpp.chat.message', { to: bare(s.romeo.jid), content: 'Here, Romeo' });
  await logEntry(romeo, 'xmpp.chat.message', 'Here, Romeo');
  step('juliet → romeo reply arrived');

  await sendEvent(romeo, 'xmpp.muc.create', { room, nick: 'romeo', instant: true });
  const created = await logEntry(romeo, 'xmpp.muc.roster', '"romeo"');
  if (!created.status.includes(201)) throw new Error(`not created: ${JSON.stringify(created)}`);
  // The gateway sent the instant-room form on romeo's stream before passing the 201 on;
  // a round trip on that stream proves the room is unlocked before juliet enters.
  await sendEvent(romeo, 'xmpp.roster.get', {});
  await logEntry(romeo, 'callback #', '"data": [');
  await sendEvent(juliet, 'xmpp.muc.join', { room, nick: 'juliet' });
  await logEntry(juliet, 'xmpp.muc.roster', '"juliet"');
  await logEntry(romeo, 'xmpp.muc.roster', '"juliet"');
  step('both joined the room');

  await sendEvent(juliet, 'xmpp.muc.message', { room, content: 'Good night, good night!' });
  const said = await logEntry(romeo, 'xmpp.muc.message', 'Good night');
  if (said.nick !== 'juliet' || said.room !== room) throw new Error(`room message ${JSON.stringify(said)}`);
  step('juliet spoke in the room and romeo heard her');

  // A refused payload shows the exact client error (in the callback, or as
  // xmpp.error.client for events without one).
  await sendEvent(romeo, 'xmpp.muc.message', { content: 'no room' });
  const refusal = romeo.locator('#log .entry.failed', { hasText: "Missing 'room' key" }).first();
  await refusal.waitFor();
  const refused = JSON.parse(await refusal.locator('pre.data').textContent());
  const description = refused.error ? refused.error.description : refused.description;
  if (description !== "Missing 'room' key") throw new Error(`refusal ${JSON.stringify(refused)}`);
  step(`a bad payload is refused with "${description}"`);

  if (s.screenshots) {
    await romeo.evaluate(() => window.scrollTo(0, 0));
    await romeo.screenshot({ path: `${s.screenshots}/demo.png` });
  }
});
