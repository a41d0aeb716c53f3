// XML on demand: with "keep the XML of incoming stanzas" on, the demo shows the
// stanza each incoming event came from.
import { bare, newPage, run, setup, step } from './lib.mjs';

const s = setup();

async function login(browser, user) {
  const page = await newPage(browser, user.jid);
  await page.goto(`${s.gateway}/demo`);
  await page.waitForSelector('body[data-events]');
  await page.fill('#jid', user.jid);
  await page.fill('#password', user.password);
  await page.fill('#host', s.host);
  await page.fill('#port', s.port);
  await page.click('#login');
  await page.waitForSelector('#status[data-state="online"]');
  return page;
}

async function send(page, event, payload) {
  await page.fill('#event', event);
  await page.dispatchEvent('#event', 'change');
  await page.fill('#payload', JSON.stringify(payload));
  await page.click('#send');
}

await run('xml', async (browser) => {
  const romeo = await login(browser, s.romeo);
  const juliet = await login(browser, s.juliet);
  await romeo.locator('#log .entry.callback', { hasText: 'gateway.xml' }).waitFor();
  for (const page of [romeo, juliet]) await send(page, 'xmpp.presence', {});
  await send(juliet, 'xmpp.chat.message', { to: bare(s.romeo.jid), content: 'With its XML & all' });
  const entry = romeo.locator('#log .entry', { hasText: 'With its XML' }).first();
  await entry.waitFor();
  await entry.locator('details summary').click();
  const xml = await entry.locator('pre.xml').textContent();
  if (!xml.startsWith('<message') || !xml.includes('With its XML &amp; all')) throw new Error(`xml: ${xml}`);
  step('an incoming message shows the stanza it came from');
});
