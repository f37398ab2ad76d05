// Infrastructure tests: `node --test tests/js/`.
// Runs infra/build.sh (Bicep CLI from NuGet: build + lint, failing on any warning) and checks the compiled ARM
// JSON for the properties the deployment promises: TLS 1.2, no public blob access, HTTPS only, managed identity
// with data-plane roles, Key Vault with RBAC, the Teams channel and the /api/messages endpoint.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUILD = join(root, 'infra', 'build.sh');
const ROLE = {
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3',
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88',
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6',
};
// Every configuration key the app reads that the deployment wires (docs/admin.md documents each).
const APP_SETTINGS = [
  'Storage__TableServiceUri', 'Storage__QueueServiceUri',
  'Bot__AppId', 'Bot__AppType', 'Bot__AppPassword', 'Bot__TenantId', 'Bot__AllowedTenants', 'Bot__OpenIdMetadataUrl',
  'Graph__BaseUrl', 'Graph__TenantId', 'Graph__ClientId', 'Graph__ClientSecret',
  'Coaching__NudgeHour', 'Coaching__CoachingTargetPercent', 'Coaching__FieldDayLength', 'Coaching__RetentionDays',
  'Coaching__DrillLibraryPath', 'Coaching__ThemeMinimumReps',
  'Nudges__InstallForManagers', 'Nudges__SalesManagersGroupId', 'Nudges__TeamsAppCatalogId',
  'APPLICATIONINSIGHTS_CONNECTION_STRING', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'AZURE_CLIENT_ID',
];

function runBuild(infraDir, out, extraEnv = {}) {
  return spawnSync('bash', [BUILD, infraDir], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, BICEP_OUT: out, ...extraEnv },
    timeout: 300_000,
  });
}

/** All resources of a compiled template, descending into nested module deployments. */
function resources(template, acc = []) {
  const list = Array.isArray(template.resources) ? template.resources : Object.values(template.resources ?? {});
  for (const r of list) {
    acc.push(r);
    if (r.type === 'Microsoft.Resources/deployments') resources(r.properties.template, acc);
  }
  return acc;
}
const ofType = (all, type) => all.filter((r) => r.type.toLowerCase() === type.toLowerCase());
const one = (all, type) => {
  const found = ofType(all, type);
  assert.equal(found.length, 1, `exactly one ${type}`);
  return found[0];
};

describe('infrastructure (Bicep)', () => {
  let out;
  let build;
  let arm;
  let all;
  let text;

  before(() => {
    out = mkdtempSync(join(tmpdir(), 'coachbot-infra-'));
    // A secret in the caller's environment must not be compiled into the example parameters file.
    build = runBuild(join(root, 'infra'), out, { BOT_APP_PASSWORD: 'not-a-real-secret-0123456789' });
    if (build.status === 0) {
      text = readFileSync(join(out, 'main.json'), 'utf8');
      arm = JSON.parse(text);
      all = resources(arm);
    }
  });
  after(() => rmSync(out, { recursive: true, force: true }));

  test('infra/build.sh compiles and lints every Bicep file with zero warnings', () => {
    assert.equal(build.status, 0, `build.sh failed:\n${build.stdout}\n${build.stderr}`);
    assert.match(build.stdout, /compile and lint clean/);
    assert.doesNotMatch(build.stdout + build.stderr, / : (Warning|Error) /);
  });

  test('storage: TLS 1.2, HTTPS only, no public blob access, no shared keys; coaching table and nudge queues', () => {
    const sa = one(all, 'Microsoft.Storage/storageAccounts').properties;
    assert.equal(sa.minimumTlsVersion, 'TLS1_2');
    assert.equal(sa.supportsHttpsTrafficOnly, true);
    assert.equal(sa.allowBlobPublicAccess, false);
    assert.equal(sa.allowSharedKeyAccess, false);
    assert.equal(sa.defaultToOAuthAuthentication, true);
    assert.match(one(all, 'Microsoft.Storage/storageAccounts/tableServices/tables').name, /'coaching'/);
    assert.ok(ofType(all, 'Microsoft.Storage/storageAccounts/queueServices/queues').length === 1);
    assert.match(text, /"nudges"/);
  });

  test('managed identity gets Storage Table/Queue Data Contributor and Key Vault Secrets User', () => {
    one(all, 'Microsoft.ManagedIdentity/userAssignedIdentities');
    const assignments = ofType(all, 'Microsoft.Authorization/roleAssignments');
    assert.equal(assignments.length, 3);
    for (const a of assignments) assert.equal(a.properties.principalType, 'ServicePrincipal');
    for (const [name, id] of Object.entries(ROLE)) assert.ok(text.includes(id), `role ${name} (${id}) is assigned`);
  });

  test('web app: Linux, user-assigned identity, HTTPS only, TLS 1.2, FTP off, liveness health check', () => {
    const plan = one(all, 'Microsoft.Web/serverfarms');
    assert.equal(plan.properties.reserved, true, 'Linux plan');
    const site = one(all, 'Microsoft.Web/sites');
    assert.equal(site.kind, 'app,linux');
    assert.equal(site.identity.type, 'UserAssigned');
    assert.equal(site.properties.httpsOnly, true);
    assert.ok(site.properties.keyVaultReferenceIdentity, 'Key Vault references use the managed identity');
    const cfg = site.properties.siteConfig;
    assert.equal(cfg.minTlsVersion, '1.2');
    assert.equal(cfg.ftpsState, 'Disabled');
    // Liveness, not readiness: /healthz and /healthz/ready are 503 during a storage outage, and App Service would
    // then replace instances that are fine (src/CoachBot/Health/HealthEndpoints.cs).
    assert.equal(cfg.healthCheckPath, '/healthz/live');
    assert.equal(cfg.alwaysOn, true);
  });

  test('Azure Bot: azurebot kind, single-tenant by default, Teams channel, /api/messages endpoint', () => {
    const bot = one(all, 'Microsoft.BotService/botServices');
    assert.equal(bot.kind, 'azurebot');
    assert.equal(bot.location, 'global');
    for (const p of ['msaAppId', 'msaAppType', 'msaAppTenantId', 'endpoint']) assert.ok(bot.properties[p], `bot ${p}`);
    assert.equal(arm.parameters.botAppType.defaultValue, 'SingleTenant');
    assert.match(text, /https:\/\/\{0\}\/api\/messages/);
    const channel = one(all, 'Microsoft.BotService/botServices/channels');
    assert.equal(channel.properties.channelName, 'MsTeamsChannel');
    assert.equal(channel.properties.properties.isEnabled, true);
  });

  test('Key Vault: RBAC authorization, soft delete; App Insights on a Log Analytics workspace', () => {
    const kv = one(all, 'Microsoft.KeyVault/vaults').properties;
    assert.equal(kv.enableRbacAuthorization, true);
    assert.equal(kv.enableSoftDelete, true);
    const ai = one(all, 'Microsoft.Insights/components').properties;
    assert.ok(ai.WorkspaceResourceId, 'workspace-based Application Insights');
    one(all, 'Microsoft.OperationalInsights/workspaces');
  });

  test('secrets: the bot password is a secure parameter and reaches the app only as a Key Vault reference', () => {
    assert.equal(arm.parameters.botAppPassword.type, 'securestring');
    assert.equal(arm.parameters.graphClientSecret.type, 'securestring');
    assert.match(text, /@Microsoft\.KeyVault\(VaultName=\{0\};SecretName=\{1\}\)/);
    const params = readFileSync(join(out, 'main.parameters.json'), 'utf8');
    assert.doesNotMatch(params, /not-a-real-secret/);
  });

  test('app settings wire every configuration key; parameters for names, region and SKUs; outputs', () => {
    for (const key of APP_SETTINGS) assert.match(text, new RegExp(`["']${key}["']`), `app setting ${key}`);
    for (const p of ['location', 'baseName', 'webAppName', 'botName', 'storageAccountName', 'keyVaultName', 'appServicePlanSku', 'botSku', 'storageSku'])
      assert.ok(arm.parameters[p], `parameter ${p}`);
    for (const o of ['botEndpoint', 'botAppId', 'botDomain']) assert.ok(arm.outputs[o], `output ${o}`);
  });

  test('docs/configuration.md (the one list of settings) documents every key the Bicep sets', () => {
    const doc = readFileSync(join(root, 'docs', 'configuration.md'), 'utf8');
    for (const key of [...APP_SETTINGS, 'Storage__ConnectionString']) assert.ok(doc.includes(key), `docs/configuration.md mentions ${key}`);
  });
});

describe('infra/build.sh can fail', () => {
  let dir;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'coachbot-infra-bad-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('a misspelt property (a Bicep warning, exit code 0 from bicep) fails the build', () => {
    const infra = join(dir, 'infra');
    cpSync(join(root, 'infra'), infra, { recursive: true });
    const file = join(infra, 'modules', 'storage.bicep');
    const src = readFileSync(file, 'utf8');
    assert.ok(src.includes('allowBlobPublicAccess: false'));
    writeFileSync(file, src.replace('allowBlobPublicAccess: false', 'allowBlobPublicAcess: false'));
    const r = runBuild(infra, join(dir, 'out'));
    assert.equal(r.status, 1, r.stdout);
    assert.match(r.stderr, /allowBlobPublicAcess.* : Warning BCP\d+|: Warning BCP\d+: The property "allowBlobPublicAcess"/);
    assert.match(r.stderr, /FAILED/);
  });
});
