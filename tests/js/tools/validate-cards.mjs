// Validates Adaptive Cards with the official `adaptivecards` parser (unknown elements/actions, bad enums,
// inputs without ids) and the official 1.5 JSON schema (ajv, draft-06).
// stdin: [{ "name": "...", "card": { ...AdaptiveCard... } }, ...]
// stdout: [{ "name": "...", "errors": ["..."] }, ...]   (an empty errors array means the card is valid)
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const require = createRequire(import.meta.url);
const AC = require('adaptivecards/dist/adaptivecards.js');
const Ajv = require('ajv');
const draft06 = require('ajv/dist/refs/json-schema-draft-06.json');

const here = path.dirname(fileURLToPath(import.meta.url));
const schema = JSON.parse(readFileSync(path.join(here, '..', '..', 'schemas', 'adaptive-cards', 'adaptive-card-1.5.0.json'), 'utf8'));
// Draft-06 names the schema's identity `id`; ajv 8 reads `$id`.
schema.$id = schema.id; delete schema.id; delete schema.$schema;

// The schema's uri formats are informational here; ajv would only warn about them on stderr.
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
ajv.addMetaSchema(draft06);
const validateSchema = ajv.compile(schema);

// The schema rejects the Teams-only `msteams` property: strip it (recursively) before schema validation.
function stripTeams(node) {
  if (Array.isArray(node)) return node.map(stripTeams);
  if (node && typeof node === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(node)) if (k !== 'msteams') out[k] = stripTeams(v);
    return out;
  }
  return node;
}

function validate(card) {
  const errors = [];
  if (card?.type !== 'AdaptiveCard') errors.push('type must be AdaptiveCard');
  if (!card?.version) errors.push('version is required (Teams mobile refuses cards without it)');
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    errors.push(`parser: ${e.message}`);
  }
  for (const e of parsed.validateProperties().validationEvents) errors.push(`validate: ${e.message}`);
  if (!validateSchema(stripTeams(card))) {
    for (const e of validateSchema.errors) errors.push(`schema: ${e.instancePath || '/'} ${e.message}`);
  }
  return errors;
}

const input = JSON.parse(readFileSync(0, 'utf8'));
process.stdout.write(JSON.stringify(input.map(({ name, card }) => ({ name, errors: [...new Set(validate(card))] }))));
