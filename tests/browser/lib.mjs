// Shared by the browser scripts: the environment tests/browser.rs passes, a headless
// Debian Chromium, and loud failures. Each script prints `step: …` lines as it goes
// and `ok: <name>` last; any failure prints `FAILED: …` and exits non-zero.
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
/** Every wait in a script is bounded by this; the whole script by OVERALL_MS. */
export const WAIT_MS = 15000;
const OVERALL_MS = 120000;

export function env(name) {
  const value = process.env[name];
  if (!value) fail(`environment variable ${name} is not set (tests/browser.rs sets it)`);
  return value;
}

/** The gateway and the Prosody users the Rust harness started. */
export function setup() {
  return {
    gateway: env('GATEWAY_URL'),
    host: env('XMPP_HOST'),
    port: env('XMPP_PORT'),
    muc: env('MUC_DOMAIN'),
    romeo: { jid: env('ROMEO_JID'), password: env('ROMEO_PASSWORD') },
    juliet: { jid: env('JULIET_JID'), password: env('JULIET_PASSWORD') },
    screenshots: process.env.SCREENSHOT_DIR || '',
  };
}

export function fail(message) {
  console.log(`FAILED: ${message}`);
  process.exit(1);
}

export function step(text) {
  console.log(`step: ${text}`);
}

/**
 * Runs `body(browser)` with a fresh headless Chromium and fails on any error, any
 * uncaught page error or console error, and after OVERALL_MS.
 */
export async function run(name, body) {
  const timer = setTimeout(() => fail(`${name} still running after ${OVERALL_MS} ms`), OVERALL_MS);
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-dev-shm-usage'],
    });
    await body(browser);
    console.log(`ok: ${name}`);
  } catch (error) {
    console.log(`FAILED: ${name}: ${error && error.stack ? error.stack : error}`);
    process.exitCode = 1;
    // What each page showed when it failed, for the person reading the log.
    const pages = browser ? browser.contexts().flatMap((context) => context.pages()) : [];
    for (const [index, page] of pages.entries()) {
      const path = `${tmpdir()}/xmpp-ftw-${name}-page${index}.png`;
      await page.screenshot({ path }).then(() => console.log(`screenshot: ${path}`), () => {});
    }
  } finally {
    clearTimeout(timer);
    if (browser) await browser.close();
  }
}

/** A page whose errors fail the test; `label` names it in the output. */
export async function newPage(browser, label, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, ...options });
  context.setDefaultTimeout(WAIT_MS);
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    console.log(`FAILED: ${label}: page error: ${error.message}`);
    process.exitCode = 1;
  });
  page.on('console', (message) => {
    if (message.type() === 'error') {
      console.log(`FAILED: ${label}: console error: ${message.text()}`);
      process.exitCode = 1;
    }
  });
  return page;
}

/** `user@domain` of a JID string. */
export const bare = (jid) => jid.split('/')[0];
