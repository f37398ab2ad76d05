// Drives the Microsoft 365 Agents Playground's web UI in Debian's Chromium (playwright-core, no downloaded browser):
// types a message like a rep would, waits for CoachBot's answer to render, saves a screenshot.
// usage: node playground-browser.mjs <playground-url> <message> <expected-substring> <screenshot.png>
// stdout: {"ok":true,"seen":"..."}; exit 1 with a reason when the answer never shows.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const [url, message, expected, screenshot] = process.argv.slice(2);
const profile = mkdtempSync(path.join(tmpdir(), 'coachbot-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  // Loopback only: no background networking, sync or component updates (this machine has no internet).
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  viewport: { width: 1280, height: 900 },
});
let exitCode = 0;
try {
  const page = context.pages()[0] ?? await context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  // The Playground installs the app when the page connects; once its log shows that, the chat is live.
  // (The welcome itself shows only the first time: CoachBot welcomes a conversation once.)
  await page.getByText('installationUpdate', { exact: false }).first().waitFor({ timeout: 60_000 });
  const box = page.locator('[data-lexical-editor="true"]').first();
  await box.click();
  await box.pressSequentially(message, { delay: 30 });
  await page.keyboard.press('Enter');
  await page.getByText(expected, { exact: false }).first().waitFor({ timeout: 30_000 });
  await page.screenshot({ path: screenshot, fullPage: true });
  process.stdout.write(JSON.stringify({ ok: true, seen: expected }));
} catch (e) {
  try { await context.pages()[0]?.screenshot({ path: screenshot, fullPage: true }); } catch { /* best effort */ }
  process.stdout.write(JSON.stringify({ ok: false, error: String(e?.message ?? e) }));
  exitCode = 1;
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(exitCode);
