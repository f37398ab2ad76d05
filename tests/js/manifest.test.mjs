// Teams app package tests: `node --test tests/js/`.
// Builds appPackage.zip with the real packaging command, reads it back with an independent zip/PNG reader,
// and validates the manifest offline against the official Teams JSON schema (ajv + ajv-draft-04 on the schema
// file shipped in @microsoft/app-manifest, and that package's own AppManifestUtils.validateAgainstSchema).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import zlib from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'package.json'));
const PACKAGE = join(root, 'manifest', 'package.mjs');
const APP_ID = '6f1c2e4a-9b7d-4c3e-8a21-0d5f7e9b1c24';
const DOMAIN = 'app-coachbot-test.azurewebsites.net';
const EXPECTED_FILES = ['color.png', 'manifest.json', 'outline.png'];
const SCHEMA_URL = /^https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/v(1\.[0-9]+)\/MicrosoftTeams\.schema\.json$/;

// ---------- independent readers (no code shared with the packager) ----------

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

/** Reads a zip through its central directory; returns Map name -> Buffer, checking sizes and CRCs. */
function readZip(buf) {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, 'zip: end of central directory not found');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const files = new Map();
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50, 'zip: bad central directory entry');
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const csize = buf.readUInt32LE(p + 20);
    const usize = buf.readUInt32LE(p + 24);
    const nlen = buf.readUInt16LE(p + 28);
    const xlen = buf.readUInt16LE(p + 30);
    const clen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nlen);
    assert.equal(buf.readUInt32LE(local), 0x04034b50, `zip: bad local header for ${name}`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + csize);
    const data = method === 8 ? zlib.inflateRawSync(raw) : method === 0 ? Buffer.from(raw) : assert.fail(`zip: method ${method}`);
    assert.equal(data.length, usize, `zip: size of ${name}`);
    assert.equal(crc32(data), crc, `zip: CRC of ${name}`);
    files.set(name, data);
    p += 46 + nlen + xlen + clen;
  }
  return files;
}

/** Decodes an 8-bit non-interlaced PNG (grey, RGB, grey+alpha, RGBA) to { width, height, colorType, rgba }. */
function decodePng(buf) {
  assert.deepEqual([...buf.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  let p = 8;
  let ihdr;
  const idat = [];
  let hasTrns = false;
  while (p < buf.length) {
    const len = buf.readUInt32BE(p);
    const type = buf.toString('ascii', p + 4, p + 8);
    const data = buf.subarray(p + 8, p + 8 + len);
    assert.equal(crc32(buf.subarray(p + 4, p + 8 + len)), buf.readUInt32BE(p + 8 + len), `PNG CRC of ${type}`);
    if (type === 'IHDR') ihdr = data;
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'tRNS') hasTrns = true;
    else if (type === 'IEND') break;
    p += 12 + len;
  }
  assert.ok(ihdr, 'PNG has an IHDR chunk');
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const [depth, colorType, , , interlace] = ihdr.subarray(8, 13);
  assert.equal(depth, 8, 'PNG bit depth 8');
  assert.equal(interlace, 0, 'PNG not interlaced');
  const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[colorType];
  assert.ok(channels, `PNG colour type ${colorType} supported by this reader`);
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  assert.equal(raw.length, (stride + 1) * height, 'PNG image data size');
  const px = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x];
      const a = x >= channels ? px[y * stride + x - channels] : 0;
      const b = y > 0 ? px[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? px[(y - 1) * stride + x - channels] : 0;
      let pred;
      if (filter === 0) pred = 0;
      else if (filter === 1) pred = a;
      else if (filter === 2) pred = b;
      else if (filter === 3) pred = (a + b) >> 1;
      else if (filter === 4) {
        const pa = Math.abs(b - c), pb = Math.abs(a - c), pc = Math.abs(a + b - 2 * c);
        pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else assert.fail(`PNG filter ${filter}`);
      px[y * stride + x] = (v + pred) & 0xff;
    }
  }
  const rgba = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const s = px.subarray(i * channels, (i + 1) * channels);
    const [r, g, b] = channels >= 3 ? s : [s[0], s[0], s[0]];
    rgba.set([r, g, b, channels === 4 ? s[3] : channels === 2 ? s[1] : 255], i * 4);
  }
  return { width, height, colorType, hasAlpha: colorType === 4 || colorType === 6 || hasTrns, rgba };
}

/** Teams outline icon rule: every pixel is white (255,255,255) or fully transparent; returns the offending pixels. */
function outlineViolations(png) {
  const bad = [];
  for (let i = 0; i < png.width * png.height; i++) {
    const [r, g, b, a] = png.rgba.subarray(i * 4, i * 4 + 4);
    if (a !== 0 && (r !== 255 || g !== 255 || b !== 255)) bad.push({ x: i % png.width, y: Math.floor(i / png.width), r, g, b, a });
  }
  return bad;
}

// ---------- validators ----------

function schemaFileFor(manifest) {
  const m = SCHEMA_URL.exec(manifest.$schema ?? '');
  assert.ok(m, `$schema is a developer.microsoft.com Teams schema URL: ${manifest.$schema}`);
  return require.resolve(`@microsoft/app-manifest/build/json-schemas/teams/v${m[1]}/MicrosoftTeams.schema.json`);
}

const compiled = new Map();
function ajvErrors(manifest) {
  const file = schemaFileFor(manifest);
  if (!compiled.has(file)) {
    const Ajv = require('ajv-draft-04').default;
    const ajv = new Ajv({ allErrors: true, strictTypes: false });
    ajv.addFormat('uri', (s) => URL.canParse(s));
    compiled.set(file, ajv.compile(JSON.parse(readFileSync(file, 'utf8'))));
  }
  const validate = compiled.get(file);
  return validate(manifest) ? [] : validate.errors;
}

/** AppManifestUtils.validateAgainstSchema, with network access made impossible (it must use its bundled schema). */
async function appManifestErrors(manifest) {
  const { AppManifestUtils } = require('@microsoft/app-manifest');
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (url) => {
    throw new Error(`test blocked a network fetch of ${url}: the schema must come from the installed package`);
  };
  try {
    return await AppManifestUtils.validateAgainstSchema(manifest);
  } finally {
    globalThis.fetch = realFetch;
  }
}

function runPackager(args) {
  return spawnSync(process.execPath, [PACKAGE, ...args], { cwd: root, encoding: 'utf8' });
}

// ---------- tests ----------

describe('Teams app package', () => {
  let dir;
  let files;
  let manifest;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'coachbot-manifest-'));
    const out = join(dir, 'appPackage.zip');
    const r = runPackager(['--app-id', APP_ID, '--domain', DOMAIN, '--version', '1.2.3', '--out', out]);
    assert.equal(r.status, 0, `packager failed: ${r.stderr}`);
    files = readZip(readFileSync(out));
    manifest = JSON.parse(files.get('manifest.json').toString('utf8'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('zip holds exactly manifest.json, color.png and outline.png at its root', () => {
    assert.deepEqual([...files.keys()].sort(), EXPECTED_FILES);
  });

  test('manifest validates against the official schema with ajv (draft-04)', () => {
    assert.deepEqual(ajvErrors(manifest), []);
  });

  test('manifest validates with @microsoft/app-manifest AppManifestUtils.validateAgainstSchema, offline', async () => {
    assert.deepEqual(await appManifestErrors(manifest), []);
  });

  test('$schema and manifestVersion agree, on the version documented in docs/admin.md', () => {
    const [, version] = SCHEMA_URL.exec(manifest.$schema);
    assert.equal(manifest.manifestVersion, version);
    assert.match(readFileSync(join(root, 'docs', 'admin.md'), 'utf8'), new RegExp(`manifest (schema )?(version )?v?${version.replace('.', '\\.')}`, 'i'));
  });

  test('placeholders are filled: app id, bot id, domain, version', () => {
    const text = files.get('manifest.json').toString('utf8');
    assert.doesNotMatch(text, /\{\{|\}\}/);
    assert.equal(manifest.id, APP_ID);
    assert.equal(manifest.bots[0].botId, APP_ID);
    assert.deepEqual(manifest.validDomains, [DOMAIN]);
    assert.equal(manifest.version, '1.2.3');
    assert.equal(manifest.developer.privacyUrl, `https://${DOMAIN}/privacy`);
    assert.equal(manifest.webApplicationInfo, undefined, 'no webApplicationInfo unless --web-app-info');
  });

  test('bot: personal, team and groupChat scopes; command lists with the product commands', () => {
    const [bot] = manifest.bots;
    assert.deepEqual([...bot.scopes].sort(), ['groupChat', 'personal', 'team']);
    assert.equal(bot.isNotificationOnly, false);
    const personal = bot.commandLists.find((l) => l.scopes.includes('personal'));
    const titles = personal.commands.map((c) => c.title);
    for (const cmd of ['help', 'my plans', 'practice', 'field day', 'settings', 'share', 'export', 'forget me']) assert.ok(titles.includes(cmd), `personal command "${cmd}"`);
    const group = bot.commandLists.find((l) => l.scopes.includes('groupChat'));
    assert.ok(group && group.scopes.includes('team'), 'a command list for team and groupChat');
    for (const list of bot.commandLists) for (const c of list.commands) assert.ok(c.description, `description for "${c.title}"`);
  });

  test('the export command promises what the bot sends: JSON text in the chat, not a download', () => {
    const personal = manifest.bots[0].commandLists.find((l) => l.scopes.includes('personal'));
    const { description } = personal.commands.find((c) => c.title === 'export');
    assert.match(description, /JSON/);
    assert.match(description, /in this chat/i);
    assert.doesNotMatch(description, /download|everything|file/i);
  });

  test('descriptions say what CoachBot does and what data it reads', () => {
    const { short, full } = manifest.description;
    assert.notEqual(short, full);
    for (const word of [/coach/i, /Microsoft Graph/, /free\/busy/i, /working hours/i, /@mention/i, /export/i, /forget me/i]) assert.match(full, word);
  });

  test('color.png is a 192x192 PNG, identical to the committed icon', () => {
    const png = decodePng(files.get('color.png'));
    assert.equal(png.width, 192);
    assert.equal(png.height, 192);
    assert.ok(files.get('color.png').equals(readFileSync(join(root, 'manifest', 'color.png'))));
    const distinct = new Set();
    for (let i = 0; i < png.rgba.length; i += 4) distinct.add(png.rgba.readUInt32BE(i));
    assert.ok(distinct.size > 2, 'full colour, not a blank square');
  });

  test('outline.png is 32x32 with alpha, only white or fully transparent pixels', () => {
    const png = decodePng(files.get('outline.png'));
    assert.equal(png.width, 32);
    assert.equal(png.height, 32);
    assert.ok(png.hasAlpha, 'outline icon has an alpha channel');
    assert.deepEqual(outlineViolations(png).slice(0, 5), []);
    const alphas = [];
    for (let i = 3; i < png.rgba.length; i += 4) alphas.push(png.rgba[i]);
    assert.ok(alphas.filter((a) => a === 0).length > 100, 'mostly transparent background');
    assert.ok(alphas.filter((a) => a === 255).length > 50, 'a visible white symbol');
  });

  test('committed icons are exactly what manifest/make-icons.mjs generates', async () => {
    // Compared as decoded pixels, not bytes: another zlib build may compress the same pixels differently.
    const { colorIcon, outlineIcon } = await import(join(root, 'manifest', 'make-icons.mjs'));
    for (const [name, generate] of [['color.png', colorIcon], ['outline.png', outlineIcon]]) {
      const fresh = decodePng(generate());
      const committed = decodePng(readFileSync(join(root, 'manifest', name)));
      assert.deepEqual([committed.width, committed.height], [fresh.width, fresh.height], name);
      assert.ok(committed.rgba.equals(fresh.rgba), `${name} is stale: run node manifest/make-icons.mjs`);
    }
  });
});

describe('validators reject broken manifests (the checks can fail)', () => {
  let good;
  before(async () => {
    const { buildManifest } = await import(PACKAGE);
    good = buildManifest({ 'app-id': APP_ID, domain: DOMAIN });
  });

  const breakers = {
    'missing bots[0].botId': (m) => delete m.bots[0].botId,
    'botId not a GUID': (m) => (m.bots[0].botId = 'not-a-guid'),
    'unknown scope': (m) => m.bots[0].scopes.push('everywhere'),
    'accentColor not #rrggbb': (m) => (m.accentColor = 'green'),
    'short description over 80 characters': (m) => (m.description.short = 'x'.repeat(81)),
    'unknown top-level property': (m) => (m.coachingLevel = 11),
    'more than 12 commands in a list': (m) => (m.bots[0].commandLists[0].commands = Array.from({ length: 13 }, (_, i) => ({ title: `c${i}` }))),
    'missing icons.outline': (m) => delete m.icons.outline,
  };
  for (const [name, breakIt] of Object.entries(breakers)) {
    test(name, async () => {
      const m = structuredClone(good);
      breakIt(m);
      assert.ok(ajvErrors(m).length > 0, 'ajv rejects it');
      assert.ok((await appManifestErrors(m)).length > 0, 'AppManifestUtils rejects it');
    });
  }

  test('the unbroken manifest passes both (control)', async () => {
    assert.deepEqual(ajvErrors(good), []);
    assert.deepEqual(await appManifestErrors(good), []);
  });

  test('outline check flags a non-white opaque pixel', () => {
    const png = { width: 2, height: 1, rgba: Buffer.from([255, 255, 255, 255, 0, 0, 0, 128]) };
    assert.deepEqual(outlineViolations(png), [{ x: 1, y: 0, r: 0, g: 0, b: 0, a: 128 }]);
  });

  test('color.png is not accepted as an outline icon', () => {
    assert.ok(outlineViolations(decodePng(readFileSync(join(root, 'manifest', 'color.png')))).length > 0);
  });
});

describe('packaging command', () => {
  let dir;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'coachbot-package-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  const bad = [
    ['bad GUID', ['--app-id', 'coachbot', '--domain', DOMAIN], /--app-id must be a GUID/],
    ['GUID with braces', ['--app-id', `{${APP_ID}}`, '--domain', DOMAIN], /--app-id must be a GUID/],
    ['missing --app-id', ['--domain', DOMAIN], /--app-id is required/],
    ['missing --domain', ['--app-id', APP_ID], /--domain is required/],
    ['domain with scheme', ['--app-id', APP_ID, '--domain', `https://${DOMAIN}`], /without a scheme/],
    ['domain with path', ['--app-id', APP_ID, '--domain', `${DOMAIN}/api/messages`], /bare host name/],
    ['domain with port', ['--app-id', APP_ID, '--domain', 'localhost:3978'], /bare host name/],
    ['single-label domain', ['--app-id', APP_ID, '--domain', 'localhost'], /fully qualified/],
    ['domain label with underscore', ['--app-id', APP_ID, '--domain', 'my_bot.example.com'], /fully qualified/],
    ['version not semver', ['--app-id', APP_ID, '--domain', DOMAIN, '--version', '1.0'], /MAJOR\.MINOR\.PATCH/],
    ['unknown option', ['--app-id', APP_ID, '--domain', DOMAIN, '--colour', 'red'], /Unknown option/],
  ];
  for (const [name, args, message] of bad) {
    test(`fails clearly on ${name}`, () => {
      const out = join(dir, `${name.replace(/\W+/g, '-')}.zip`);
      const r = runPackager([...args, '--out', out]);
      assert.equal(r.status, 1, `exit code (stdout: ${r.stdout})`);
      assert.match(r.stderr, message);
      assert.ok(!existsSync(out), 'no package is written');
    });
  }

  test('--web-app-info adds webApplicationInfo for Graph-based installation, still schema-valid', async () => {
    const out = join(dir, 'web.zip');
    const r = runPackager(['--app-id', APP_ID, '--domain', DOMAIN, '--web-app-info', '--out', out]);
    assert.equal(r.status, 0, r.stderr);
    const m = JSON.parse(readZip(readFileSync(out)).get('manifest.json'));
    assert.deepEqual(m.webApplicationInfo, { id: APP_ID, resource: `api://${DOMAIN}/${APP_ID}` });
    assert.deepEqual(ajvErrors(m), []);
    assert.deepEqual(await appManifestErrors(m), []);
  });

  test('--teams-app-id sets the manifest id separately from the bot id; output is reproducible', () => {
    const other = '0b8a7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';
    const a = join(dir, 'a.zip');
    const b = join(dir, 'b.zip');
    for (const out of [a, b]) assert.equal(runPackager(['--app-id', APP_ID, '--teams-app-id', other, '--domain', DOMAIN.toUpperCase(), '--out', out]).status, 0);
    const m = JSON.parse(readZip(readFileSync(a)).get('manifest.json'));
    assert.equal(m.id, other);
    assert.equal(m.bots[0].botId, APP_ID);
    assert.deepEqual(m.validDomains, [DOMAIN], 'domain is lower-cased');
    assert.ok(readFileSync(a).equals(readFileSync(b)), 'same inputs, same bytes');
  });
});
