// A reload that resumes: romeo's chat page (the example, resumable through
// sessionStorage) reloads while juliet sends him a message; the reloaded page is
// online again without logging in and shows the message exactly once.
import { bare, newPage, run, setup, step } from './lib.mjs';

const s = setup();

await run('resume', async (browser) => {
  const romeo = await newPage(browser, 'romeo');
  const query = new URLSearchParams({ host: s.host, port: s.port });
  const chatUrl = `${s.gateway}/examples/chat/?${query}`;
  await romeo.goto(chatUrl);
  await romeo.fill('#jid', s.romeo.jid);
  await romeo.fill('#password', s.romeo.password);
  await romeo.click('#login button[type=submit]');
  await romeo.waitForSelector('#app:not([hidden])');
  await romeo.waitForFunction(() => JSON.parse(sessionStorage.getItem('xmpp-ftw.resume') || 'null')?.token);
  step('romeo is online with a resumable session');

  const juliet = await newPage(browser, 'juliet');
  await juliet.goto(`${s.gateway}/demo`);
  await juliet.evaluate(
    async ({ user, host, port }) => {
      const { connect } = await import('/client.js');
      window.client = connect(new URL('/ws', location.href).href.replace(/^http/, 'ws'));
      await window.client.ready;
      await window.client.login({ jid: user.jid, password: user.password, host, port: Number(port) });
      window.client.send('xmpp.presence', {});
    },
    { user: s.juliet, host: s.host, port: s.port },
  );

  // Hold the reloaded page back until juliet's message is on its way, so it can only
  // reach romeo through the gateway's buffer.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await romeo.route('**/examples/chat/?*', async (route) => {
    await held;
    await route.continue();
  });
  const reloaded = romeo.reload();
  await juliet.evaluate((to) => window.client.emit('xmpp.chat.message', { to, content: 'Sent during the reload' }), bare(s.romeo.jid));
  release();
  await reloaded;
  await romeo.waitForSelector('#app:not([hidden])');
  step('the reloaded page is online without logging in');
  await romeo.click(`#roster li[data-jid="${bare(s.juliet.jid)}"]`);
  const copies = romeo.locator('#messages li .text', { hasText: 'Sent during the reload' });
  await copies.first().waitFor();
  // After a round trip any duplicate would have arrived too.
  await romeo.fill('#text', 'Still here');
  await romeo.press('#text', 'Enter');
  await romeo.locator('#messages li.mine', { hasText: 'Still here' }).waitFor();
  const count = await copies.count();
  if (count !== 1) throw new Error(`the message is shown ${count} times`);
  step('the message sent during the reload arrived once');
});
