// Renders Adaptive Cards with the official adaptivecards renderer in Debian's Chromium and saves one screenshot per
// card, so a reviewer can see what Teams users see. stdin: [{ "name": "...", "card": {...} }]; argv[2]: output folder.
// stdout: [{ "name": "...", "ok": true|false, "error"?: "...", "height": px }]
import { chromium } from 'playwright-core';
import { readFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const renderer = readFileSync(require.resolve('adaptivecards/dist/adaptivecards.min.js'), 'utf8');
const css = readFileSync(require.resolve('adaptivecards/dist/adaptivecards.css'), 'utf8');
const cards = JSON.parse(readFileSync(0, 'utf8'));
const out = process.argv[2];
mkdirSync(out, { recursive: true });

const profile = mkdtempSync(path.join(tmpdir(), 'coachbot-cards-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  viewport: { width: 520, height: 900 },
});
const results = [];
try {
  const page = context.pages()[0] ?? await context.newPage();
  await page.setContent(`<html><head><style>${css} body{font-family:"Segoe UI",sans-serif;background:#f5f5f5;margin:16px}
    #card{background:#fff;border-radius:6px;box-shadow:0 1px 3px #0003;width:480px}</style></head>
    <body><div id="card"></div><script>${renderer}</script></body></html>`);
  for (const { name, card } of cards) {
    const rendered = await page.evaluate((json) => {
      const ac = new AdaptiveCards.AdaptiveCard();
      ac.parse(json);
      const el = ac.render();
      const host = document.getElementById('card');
      host.innerHTML = '';
      if (!el) return { ok: false, error: 'renderer returned nothing' };
      host.appendChild(el);
      return { ok: host.innerText.trim().length > 0, height: host.getBoundingClientRect().height };
    }, card);
    await page.locator('#card').screenshot({ path: path.join(out, `${name}.png`) });
    results.push({ name, ...rendered });
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
process.stdout.write(JSON.stringify(results));
