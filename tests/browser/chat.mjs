// The chat example (examples/chat/, served at /examples/chat/): log in, add each
// other as contacts and see presence, chat one to one with typing notifications,
// then talk in a room.
import { bare, newPage, run, setup, step } from './lib.mjs';

const s = setup();
const room = `chat-room@${s.muc}`;

async function open(browser, user) {
  const page = await newPage(browser, user.jid);
  const query = new URLSearchParams({ host: s.host, port: s.port });
  await page.goto(`${s.gateway}/examples/chat/?${query}`);
  await page.fill('#jid', user.jid);
  await page.fill('#password', user.password);
  await page.click('#login button[type=submit]');
  await page.waitForSelector('#app:not([hidden])');
  step(`${user.jid} logged in to the chat example`);
  return page;
}

const contact = (page, jid) => page.locator(`#roster li[data-jid="${jid}"]`);

await run('chat', async (browser) => {
  const romeo = await open(browser, s.romeo);
  const juliet = await open(browser, s.juliet);
  const romeoJid = bare(s.romeo.jid);
  const julietJid = bare(s.juliet.jid);

  await romeo.fill('#contact-jid', julietJid);
  await romeo.click('#add-contact button');
  await juliet.locator('#requests li', { hasText: romeoJid }).locator('button.accept').click();
  await romeo.locator('#requests li', { hasText: julietJid }).locator('button.accept').click();
  await contact(romeo, julietJid).and(romeo.locator('[data-show="online"]')).waitFor();
  await contact(juliet, romeoJid).and(juliet.locator('[data-show="online"]')).waitFor();
  step('each sees the other online in the roster');

  await juliet.click(`#roster li[data-jid="${romeoJid}"]`);
  await romeo.click(`#roster li[data-jid="${julietJid}"]`);
  await romeo.type('#text', 'But soft', { delay: 20 });
  await juliet.locator('#typing', { hasText: 'is typing' }).waitFor();
  step('juliet saw romeo typing');
  await romeo.type('#text', ', what light <i>through</i> yonder window breaks?');
  await romeo.press('#text', 'Enter');
  const line = 'But soft, what light <i>through</i> yonder window breaks?';
  await juliet.locator('#messages li.theirs .text', { hasText: line }).waitFor();
  await romeo.locator('#messages li.mine .text', { hasText: line }).waitFor();
  await juliet.locator('#typing:empty').waitFor();
  if ((await juliet.locator('#messages i').count()) !== 0) throw new Error('markup was rendered as HTML');
  step('the message arrived as text and the typing notice went away');

  await juliet.fill('#text', 'Ay me!');
  await juliet.press('#text', 'Enter');
  await romeo.locator('#messages li.theirs .text', { hasText: 'Ay me!' }).waitFor();
  step('juliet answered');

  const enter = async (page) => {
    await page.fill('#room-jid', room);
    await page.click('#join-room button');
    await page.locator('#title', { hasText: room }).waitFor();
  };
  await enter(romeo);
  await romeo.locator(`#rooms li[data-jid="${room}"]`, { hasText: '(1)' }).waitFor();
  // Romeo's own words coming back from the room show it is configured and open.
  await romeo.fill('#text', 'Is anybody there?');
  await romeo.press('#text', 'Enter');
  await romeo.locator('#messages li.mine', { hasText: 'Is anybody there?' }).waitFor();
  await enter(juliet);
  await romeo.locator(`#rooms li[data-jid="${room}"]`, { hasText: '(2)' }).waitFor();
  await romeo.fill('#text', 'Speak again, bright angel');
  await romeo.press('#text', 'Enter');
  await juliet.locator('#messages li .text', { hasText: 'Speak again, bright angel' }).waitFor();
  await juliet.fill('#text', 'O Romeo, Romeo');
  await juliet.press('#text', 'Enter');
  await romeo.locator('#messages li.theirs', { hasText: 'O Romeo, Romeo' }).waitFor();
  await romeo.locator('#messages li.mine', { hasText: 'Speak again, bright angel' }).waitFor();
  step('both spoke in the room');
});
