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
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb',
};
// Every configuration key the app reads that the deployment wires (docs/admin.md documents each).
const APP_SETTINGS = [
  'Storage__TableServiceUri', 'Storage__QueueServiceUri',
  'Bot__AppId', 'Bot__AppType', 'Bot__AppPassword', 'Bot__TenantId', 'Bot__AllowedTenants', 'Bot__OpenIdMetadataUrl',
  'Graph__BaseUrl', 'Graph__TenantId', 'Graph__ClientId', 'Graph__ClientSecret',
  'Coaching__NudgeHour', 'Coaching__CoachingTargetPercent', 'Coaching__FieldDayLength', 'Coaching__RetentionDays',
  'Coaching__DrillLibraryPath', 'Coaching__ThemeMinimumReps',
  'Nudges__InstallForManagers', 'Nudges__SalesManagersGroupId', 'Nudges__TeamsAppCatalogId',
  'APPLICATIONINSIGHTS_CONNECTION_STRING', 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'AZURE_CLIENT_ID',
  'Admin__ApiKey', 'ASPNETCORE_URLS', 'WEBSITES_PORT',
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

  test('managed identity gets Storage Table/Queue Data Contributor, Key Vault Secrets User and Monitoring Metrics Publisher', () => {
    one(all, 'Microsoft.ManagedIdentity/userAssignedIdentities');
    const assignments = ofType(all, 'Microsoft.Authorization/roleAssignments');
    assert.equal(assignments.length, 4);
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

  test('web app: basic (publishing password) auth is off for both FTP and SCM/Kudu', () => {
    const policies = ofType(all, 'Microsoft.Web/sites/basicPublishingCredentialsPolicies');
    assert.deepEqual(policies.map((p) => p.name.match(/'(ftp|scm)'/)?.[1]).sort(), ['ftp', 'scm']);
    for (const p of policies) assert.equal(p.properties.allow, false);
  });

  test('Application Insights: local (key) auth off; the exporter signs in as the managed identity, which may publish', () => {
    const ai = one(all, 'Microsoft.Insights/components').properties;
    assert.equal(ai.DisableLocalAuth, true);
    // The one role assignment scoped to the component; its role id is the Monitoring Metrics Publisher variable.
    const publisher = ofType(all, 'Microsoft.Authorization/roleAssignments').filter((a) => /Microsoft\.Insights\/components/.test(a.scope ?? ''));
    assert.equal(publisher.length, 1, 'a role assignment on the Application Insights component');
    assert.match(publisher[0].properties.roleDefinitionId, /monitoringMetricsPublisher/);
    assert.ok(text.includes(ROLE.monitoringMetricsPublisher));
    assert.match(text, /Authorization=AAD;ClientId=\{0\}/);
    const code = readFileSync(join(root, 'src', 'CoachBot', 'Telemetry', 'TelemetryServiceCollectionExtensions.cs'), 'utf8');
    assert.match(code, /o\.Credential = credential/, 'the Azure Monitor exporters use the credential');
  });

  test('diagnostic settings: Key Vault audit, table and queue requests, App Service logs, all to the workspace', () => {
    const diag = ofType(all, 'Microsoft.Insights/diagnosticSettings');
    assert.equal(diag.length, 4);
    const categories = diag.map((d) => d.properties.logs.map((l) => l.category).sort().join(','));
    assert.ok(categories.includes('AuditEvent'), 'Key Vault AuditEvent');
    assert.equal(categories.filter((c) => c === 'StorageDelete,StorageRead,StorageWrite').length, 2, 'tables and queues');
    assert.ok(categories.some((c) => c.includes('AppServiceHTTPLogs') && c.includes('AppServiceConsoleLogs')), 'App Service');
    for (const d of diag) {
      assert.ok(d.properties.workspaceId, 'to the Log Analytics workspace');
      for (const l of d.properties.logs) assert.equal(l.enabled, true);
    }
  });

  test('alerts: HTTP 5xx metric alert; poison-queue and Graph AccessDenied log alerts whose queries match the app', () => {
    const metric = one(all, 'Microsoft.Insights/metricAlerts').properties;
    assert.equal(metric.criteria.allOf[0].metricName, 'Http5xx');
    const rules = ofType(all, 'Microsoft.Insights/scheduledQueryRules');
    assert.equal(rules.length, 1, 'one rule resource looping over the log alerts');
    assert.match(text, /AppTraces \| where Message has \\"moved to the poison queue\\"/);
    assert.match(text, /AppMetrics \| where Name == \\"coachbot.graph.calls\\" and tostring\(Properties.outcome\) == \\"AccessDenied\\"/);
    // The queries name the app's own log template, meter and failure kind: renaming one must fail here.
    const src = (...p) => readFileSync(join(root, 'src', ...p), 'utf8');
    assert.match(src('CoachBot', 'Delivery', 'DeliveryLog.cs'), /moved to the poison queue/);
    assert.match(src('CoachBot.Graph', 'GraphMetrics.cs'), /CallsName = "coachbot\.graph\.calls"/);
    assert.match(src('CoachBot.Graph', 'GraphMetrics.cs'), /"outcome", kind\.ToString\(\)/);
    assert.match(src('CoachBot.Graph', 'GraphException.cs'), /^\s*AccessDenied,/m);
  });

  test('Azure Bot: azurebot kind, single-tenant by default, Teams channel, /api/messages endpoint', () => {
    const bot = one(all, 'Microsoft.BotService/botServices');
    assert.equal(bot.kind, 'azurebot');
    assert.equal(arm.parameters.botLocation.defaultValue, 'global');
    assert.deepEqual(arm.parameters.botLocation.allowedValues, ['global', 'westeurope', 'centralindia']);
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

  test('docs say what the Bicep does: parameters file is the source of truth, append on rotation, modules, admin key', () => {
    const admin = readFileSync(join(root, 'docs', 'admin.md'), 'utf8');
    const config = readFileSync(join(root, 'docs', 'configuration.md'), 'utf8');
    for (const doc of [admin, config]) {
      assert.match(doc, /source of truth/);
      assert.doesNotMatch(doc, /change any later without redeploying/);
    }
    assert.match(admin, /az ad app credential reset --id "\$BOT_APP_ID" --append/);
    assert.match(admin, /Install-Module Microsoft\.Graph/);
    assert.match(admin, /enableAdminEndpoints/);
    assert.match(admin, /not-installed/);
    assert.doesNotMatch(admin, /All data stays in your own Azure subscription and region/);
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

// Every botAppType × graphAuth combination docs/admin.md documents, evaluated offline by `bicep snapshot` (the
// template's expressions resolved for a given parameters file, no Azure call). The app must never start in Graph
// local mode in Azure (src/CoachBot.Graph/GraphClientBuilder.cs throws for a non-loopback URL without a client id),
// so every deployable combination must give Graph a client id and exactly one credential; the others must not deploy.
describe('documented botAppType × graphAuth combinations (bicep snapshot)', () => {
  const BOT_APP_ID = '11111111-1111-1111-1111-111111111111';
  const GRAPH_APP_ID = '22222222-2222-2222-2222-222222222222';
  const IDENTITY_CLIENT_ID = /reference\('[^']*userAssignedIdentities\/id-[^']*', '[^']*'\)\.clientId/;
  let dir;
  let bicep;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'coachbot-infra-snap-'));
    cpSync(join(root, 'infra'), join(dir, 'infra'), { recursive: true });
    const r = spawnSync('bash', [BUILD, '--bicep-path'], { cwd: root, encoding: 'utf8', timeout: 300_000 });
    assert.equal(r.status, 0, r.stderr);
    bicep = r.stdout.trim();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const toBicep = (v) => (Array.isArray(v) ? `[${v.map(toBicep).join(', ')}]`
    : v !== null && typeof v === 'object' ? `{ ${Object.entries(v).map(([k, x]) => `'${k}': ${toBicep(x)}`).join(', ')} }`
      : typeof v === 'string' ? `'${v}'` : String(v));

  /** Runs bicep snapshot for these parameters; returns { status, output, settings (name → value) }. */
  function snapshot(name, params) {
    const file = join(dir, 'infra', `${name}.bicepparam`);
    const lines = Object.entries(params).map(([k, v]) => `param ${k} = ${toBicep(v)}`);
    writeFileSync(file, ["using 'main.bicep'", ...lines, ''].join('\n'));
    const r = spawnSync(bicep, ['snapshot', file, '--subscription-id', '00000000-0000-0000-0000-000000000001',
      '--resource-group', 'rg-coachbot', '--location', 'westeurope', '--tenant-id', '00000000-0000-0000-0000-000000000002'],
    { encoding: 'utf8', timeout: 300_000 });
    const output = r.stdout + r.stderr;
    if (r.status !== 0) return { status: r.status, output };
    const snap = JSON.parse(readFileSync(join(dir, 'infra', `${name}.snapshot.json`), 'utf8'));
    const site = snap.predictedResources.filter((x) => x.type === 'Microsoft.Web/sites');
    assert.equal(site.length, 1, 'one web app');
    const settings = Object.fromEntries(site[0].properties.siteConfig.appSettings.map((s) => [s.name, s.value]));
    const bot = snap.predictedResources.find((x) => x.type === 'Microsoft.BotService/botServices');
    return { status: 0, output, settings, bot: bot.properties, resources: snap.predictedResources };
  }

  /** What the app needs to leave local mode and pick one Graph credential (GraphOptions / GraphClientBuilder). */
  function assertGraphNotLocal(s) {
    assert.ok(s.Graph__ClientId, 'Graph__ClientId is set');
    assert.match(s.Graph__BaseUrl, /environment\(\)\.graph|graph\.microsoft\.com/);
    const msi = s.Graph__UseManagedIdentity === 'true';
    assert.notEqual(msi, 'Graph__ClientSecret' in s, 'exactly one of Graph__UseManagedIdentity / Graph__ClientSecret');
  }

  test('SingleTenant + ClientSecret (the default): the bot\'s app registration and its Key Vault secret', () => {
    const { status, output, settings: s } = snapshot('st-secret', { botAppType: 'SingleTenant', botAppId: BOT_APP_ID });
    assert.equal(status, 0, output);
    assertGraphNotLocal(s);
    assert.equal(s.Graph__ClientId, BOT_APP_ID);
    assert.match(s.Graph__ClientSecret, /SecretName=bot-app-password\)$/);
    assert.match(s.Bot__AppPassword, /SecretName=bot-app-password\)$/);
    assert.equal(s.Bot__AppId, BOT_APP_ID);
    assert.equal(s.Bot__AppType, 'SingleTenant');
    assert.ok(!('Admin__ApiKey' in s), 'admin endpoints are off unless asked for');
    // Without these the app would listen on 127.0.0.1:3978 inside the container, out of App Service's reach.
    assert.equal(s.ASPNETCORE_URLS, 'http://+:8080');
    assert.equal(s.WEBSITES_PORT, '8080');
  });

  test('regional bot, admin endpoints, alert emails and extra settings from the parameters file (the source of truth)', () => {
    const { status, output, settings: s, resources: all } = snapshot('regional-admin-extra', {
      botAppType: 'SingleTenant', botAppId: BOT_APP_ID, botLocation: 'westeurope', enableAdminEndpoints: true,
      alertEmails: ['ops@contoso.example'],
      extraAppSettings: { Nudges__ManagerIds__0: 'manager-1', Bot__AppId: 'not-the-bot' },
    });
    assert.equal(status, 0, output);
    const at = (type) => all.filter((r) => r.type === type);
    assert.equal(at('Microsoft.BotService/botServices')[0].location, 'westeurope');
    assert.equal(at('Microsoft.BotService/botServices/channels')[0].location, 'westeurope');
    // An unresolvable reference would reach the app as this literal string; the app treats that as "no key" (AdminKeyFilter).
    assert.match(s.Admin__ApiKey, /^@Microsoft\.KeyVault\(VaultName=.*;SecretName=admin-api-key\)$/);
    assert.equal(s.Nudges__ManagerIds__0, 'manager-1', 'a key without a parameter reaches the app');
    assert.equal(s.Bot__AppId, BOT_APP_ID, 'keys the template computes win over extraAppSettings');
    const group = at('Microsoft.Insights/actionGroups');
    assert.equal(group.length, 1);
    assert.deepEqual(group[0].properties.emailReceivers.map((r) => r.emailAddress), ['ops@contoso.example']);
  });

  test('SingleTenant + ClientSecret with a separate Graph app registration: that client id', () => {
    // (graphClientSecret is a secure parameter, which snapshot leaves unevaluated, so the secret name is not checked here.)
    const { status, output, settings: s } = snapshot('st-secret-graphapp',
      { botAppType: 'SingleTenant', botAppId: BOT_APP_ID, graphClientId: GRAPH_APP_ID });
    assert.equal(status, 0, output);
    assertGraphNotLocal(s);
    assert.equal(s.Graph__ClientId, GRAPH_APP_ID);
  });

  test('SingleTenant + ManagedIdentity: Graph through the managed identity, the bot keeps its secret', () => {
    const { status, output, settings: s } = snapshot('st-msi',
      { botAppType: 'SingleTenant', botAppId: BOT_APP_ID, graphAuth: 'ManagedIdentity' });
    assert.equal(status, 0, output);
    assertGraphNotLocal(s);
    assert.equal(s.Graph__UseManagedIdentity, 'true');
    assert.match(s.Graph__ClientId, IDENTITY_CLIENT_ID);
    assert.match(s.Bot__AppPassword, /bot-app-password/);
  });

  for (const [name, params] of [
    ['UserAssignedMSI with the default graphAuth', { botAppType: 'UserAssignedMSI' }],
    ['UserAssignedMSI + ManagedIdentity', { botAppType: 'UserAssignedMSI', graphAuth: 'ManagedIdentity' }],
  ]) {
    test(`${name}: no secret anywhere, Graph and the bot both use the managed identity`, () => {
      const { status, output, settings: s, bot } = snapshot(name.replace(/\W+/g, '-'), params);
      assert.equal(status, 0, output);
      assertGraphNotLocal(s);
      assert.equal(s.Graph__UseManagedIdentity, 'true');
      assert.match(s.Graph__ClientId, IDENTITY_CLIENT_ID);
      assert.match(s.Bot__AppId, IDENTITY_CLIENT_ID);
      assert.equal(s.Bot__AppType, 'UserAssignedMsi');
      assert.equal(bot.msaAppType, 'UserAssignedMSI');
      assert.ok(!('Bot__AppPassword' in s) && !('Graph__ClientSecret' in s), 'no secret reference');
    });
  }

  test('UserAssignedMSI + ClientSecret with graphClientId: that app registration and graph-client-secret', () => {
    const { status, output, settings: s } = snapshot('msi-secret-graphapp',
      { botAppType: 'UserAssignedMSI', graphAuth: 'ClientSecret', graphClientId: GRAPH_APP_ID });
    assert.equal(status, 0, output);
    assertGraphNotLocal(s);
    assert.equal(s.Graph__ClientId, GRAPH_APP_ID);
    assert.match(s.Graph__ClientSecret, /SecretName=graph-client-secret\)$/);
  });

  test('UserAssignedMSI + ClientSecret without graphClientId does not deploy (it would start in Graph local mode)', () => {
    const r = snapshot('msi-secret-noapp', { botAppType: 'UserAssignedMSI', graphAuth: 'ClientSecret' });
    assert.notEqual(r.status, 0, 'snapshot must fail');
    assert.match(r.output, /graphAuth=ClientSecret needs an app registration/);
  });

  test('SingleTenant without botAppId does not deploy', () => {
    const r = snapshot('st-noapp', { botAppType: 'SingleTenant' });
    assert.notEqual(r.status, 0, 'snapshot must fail');
    assert.match(r.output, /botAppId is required/);
  });
});
