#!/usr/bin/env node
// Builds the Teams app package (appPackage.zip) from manifest.template.json and the two icons.
//
//   node manifest/package.mjs --app-id <bot Entra app id (GUID)> --domain <bot host name>
//        [--version 1.0.0] [--out appPackage.zip] [--teams-app-id <GUID>] [--developer-name <text>]
//        [--website-url https://…] [--privacy-url https://…] [--terms-url https://…] [--web-app-info]
//
// The zip holds exactly manifest.json, color.png and outline.png at its root. The filled-in manifest is
// validated offline against the official Teams JSON schema shipped in @microsoft/app-manifest before
// anything is written; any bad input ends the command with exit code 1 and a message on stderr.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { createZip } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export const TEMPLATE_PATH = join(here, 'manifest.template.json');
export const ICONS = { 'color.png': join(here, 'color.png'), 'outline.png': join(here, 'outline.png') };

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const SEMVER = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/;
const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

export class UsageError extends Error {}

export function checkGuid(value, flag) {
  if (!value) throw new UsageError(`${flag} is required (a GUID such as 00000000-0000-0000-0000-000000000000)`);
  if (!GUID.test(value)) throw new UsageError(`${flag} must be a GUID like 00000000-0000-0000-0000-000000000000, got "${value}"`);
  return value.toLowerCase();
}

/** A bare DNS host name the bot is served from, e.g. app-coachbot-prod.azurewebsites.net (no scheme, port, path or wildcard). */
export function checkDomain(value) {
  if (!value) throw new UsageError('--domain is required (the host name of the bot, e.g. app-coachbot.azurewebsites.net)');
  const host = value.toLowerCase();
  if (/^[a-z]+:\/\//.test(host)) throw new UsageError(`--domain must be a host name without a scheme (drop "https://"), got "${value}"`);
  if (/[/:?#@\s*]/.test(host)) throw new UsageError(`--domain must be a bare host name (no port, path, wildcard or spaces), got "${value}"`);
  const labels = host.split('.');
  if (host.length > 253 || labels.length < 2 || !labels.every((l) => LABEL.test(l)) || /^[0-9]+$/.test(labels.at(-1)))
    throw new UsageError(`--domain must be a fully qualified public host name such as app-coachbot.azurewebsites.net, got "${value}"`);
  return host;
}

export function checkVersion(value) {
  if (!SEMVER.test(value)) throw new UsageError(`--version must be MAJOR.MINOR.PATCH (e.g. 1.0.0), got "${value}"`);
  return value;
}

function checkHttpsUrl(value, flag) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${flag} must be an absolute https URL, got "${value}"`);
  }
  if (url.protocol !== 'https:') throw new UsageError(`${flag} must use https, got "${value}"`);
  if (value.length > 2048) throw new UsageError(`${flag} is longer than 2048 characters`);
  return value;
}

/** Replaces {{NAME}} in every string of the parsed template (values are never spliced into JSON text). */
function fill(node, values) {
  if (typeof node === 'string')
    return node.replace(/\{\{([A-Z_]+)\}\}/g, (m, name) => {
      if (!(name in values)) throw new Error(`manifest template uses unknown placeholder ${m}`);
      return values[name];
    });
  if (Array.isArray(node)) return node.map((n) => fill(n, values));
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v, values)]));
  return node;
}

/** The Teams manifest JSON schema that the template's $schema names, loaded from @microsoft/app-manifest (offline). */
export function loadSchemaFor(manifest) {
  const m = /^https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/(v[0-9.]+|vDevPreview)\/MicrosoftTeams\.schema\.json$/.exec(manifest.$schema ?? '');
  if (!m) throw new Error(`manifest $schema is not a developer.microsoft.com Teams schema URL: ${manifest.$schema}`);
  const file = require.resolve(`@microsoft/app-manifest/build/json-schemas/teams/${m[1]}/MicrosoftTeams.schema.json`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Validates against the official draft-04 schema with ajv; returns a list of error strings (empty = valid). */
export function schemaErrors(manifest, schema = loadSchemaFor(manifest)) {
  const Ajv = require('ajv-draft-04').default ?? require('ajv-draft-04');
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  ajv.addFormat('uri', (s) => URL.canParse(s));
  const validate = ajv.compile(schema);
  return validate(manifest) ? [] : validate.errors.map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}

export function buildManifest(opts) {
  const appId = checkGuid(opts['app-id'], '--app-id');
  const teamsAppId = opts['teams-app-id'] ? checkGuid(opts['teams-app-id'], '--teams-app-id') : appId;
  const domain = checkDomain(opts.domain);
  const version = checkVersion(opts.version ?? '1.0.0');
  const developerName = opts['developer-name'] ?? 'CoachBot';
  if (developerName.length === 0 || developerName.length > 32) throw new UsageError('--developer-name must be 1 to 32 characters');
  const values = {
    BOT_APP_ID: appId,
    TEAMS_APP_ID: teamsAppId,
    BOT_DOMAIN: domain,
    APP_VERSION: version,
    DEVELOPER_NAME: developerName,
    WEBSITE_URL: checkHttpsUrl(opts['website-url'] ?? `https://${domain}/`, '--website-url'),
    PRIVACY_URL: checkHttpsUrl(opts['privacy-url'] ?? `https://${domain}/privacy`, '--privacy-url'),
    TERMS_URL: checkHttpsUrl(opts['terms-url'] ?? `https://${domain}/terms`, '--terms-url'),
  };
  const manifest = fill(JSON.parse(readFileSync(opts.template ?? TEMPLATE_PATH, 'utf8')), values);
  if (opts['web-app-info']) {
    // Only needed for installing the app for users through Microsoft Graph (TeamsAppInstallation.*); see docs/admin.md.
    manifest.webApplicationInfo = { id: appId, resource: `api://${domain}/${appId}` };
  }
  const errors = schemaErrors(manifest);
  if (errors.length) throw new Error(`the generated manifest does not match its schema (${manifest.$schema}):\n  ${errors.join('\n  ')}`);
  return manifest;
}

export function buildPackage(opts) {
  const manifest = buildManifest(opts);
  const entries = [{ name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8') }];
  for (const [name, file] of Object.entries(ICONS)) entries.push({ name, data: readFileSync(file) });
  const out = resolve(opts.out ?? 'appPackage.zip');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, createZip(entries));
  return { out, manifest };
}

const OPTIONS = {
  'app-id': { type: 'string' },
  domain: { type: 'string' },
  version: { type: 'string' },
  out: { type: 'string' },
  'teams-app-id': { type: 'string' },
  'developer-name': { type: 'string' },
  'website-url': { type: 'string' },
  'privacy-url': { type: 'string' },
  'terms-url': { type: 'string' },
  'web-app-info': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

function main(argv) {
  let opts;
  try {
    opts = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (e) {
    throw new UsageError(e.message);
  }
  if (opts.help) {
    console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 10).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
    return;
  }
  const { out, manifest } = buildPackage(opts);
  console.log(`wrote ${out} (manifest ${manifest.manifestVersion}, app version ${manifest.version}, bot ${manifest.bots[0].botId}, domain ${manifest.validDomains[0]})`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    console.error(`package.mjs: error: ${e.message}`);
    if (e instanceof UsageError) console.error('usage: node manifest/package.mjs --app-id <guid> --domain <host> [--version x.y.z] [--out appPackage.zip]');
    process.exit(1);
  }
}
