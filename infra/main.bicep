// CoachBot: one resource-group deployment with everything the bot needs in Azure.
//   user-assigned managed identity -> Storage (Tables + Queues), Key Vault secrets, (optionally) the bot and Graph
//   Linux App Service (web app)    -> POST /api/messages, GET /healthz, background nudge workers
//   Azure Bot (global or regional) -> Microsoft Teams channel, messaging endpoint https://<app>/api/messages
//   Storage account                -> table `coaching`, queues `nudges` + `nudges-poison`
//   Key Vault (RBAC)               -> secret `bot-app-password` (and optionally `graph-client-secret`)
//   Log Analytics + App Insights   -> APPLICATIONINSIGHTS_CONNECTION_STRING for OpenTelemetry (Entra auth only)
//   Diagnostic settings + alerts   -> Key Vault audit, Storage and App Service logs to the workspace; 5xx, poison
//                                     queue and Graph AccessDenied alerts
// The parameters file is the source of truth for app settings: a redeploy replaces them all (docs/admin.md §8).
// See docs/admin.md for the Entra app registration, Graph permissions and deployment commands.
targetScope = 'resourceGroup'

// ---------- names, region, SKUs ----------

@description('Short name used to derive resource names (lowercase letters and digits).')
@minLength(3)
@maxLength(11)
param baseName string = 'coachbot'

@description('Azure region for everything except the Azure Bot resource (see botLocation).')
param location string = resourceGroup().location

@description('Appended to names that must be globally unique.')
param nameSuffix string = take(uniqueString(subscription().id, resourceGroup().id, baseName), 6)

param webAppName string = 'app-${baseName}-${nameSuffix}'
param appServicePlanName string = 'plan-${baseName}-${nameSuffix}'
param botName string = 'bot-${baseName}-${nameSuffix}'
param storageAccountName string = take(toLower(replace('st${baseName}${nameSuffix}', '-', '')), 24)
param keyVaultName string = take('kv-${baseName}-${nameSuffix}', 24)
param identityName string = 'id-${baseName}-${nameSuffix}'
param logAnalyticsName string = 'log-${baseName}-${nameSuffix}'
param appInsightsName string = 'appi-${baseName}-${nameSuffix}'

@description('App Service plan SKU (Linux). Basic or higher: Always On keeps the nudge scheduler running.')
@allowed(['B1', 'B2', 'B3', 'S1', 'S2', 'S3', 'P0v3', 'P1v3', 'P2v3', 'P3v3'])
param appServicePlanSku string = 'B1'

@description('Number of web app instances. Nudges are sent once per manager per day even with several instances.')
@minValue(1)
@maxValue(10)
param instanceCount int = 1

@description('Runtime stack of the Linux web app.')
param linuxFxVersion string = 'DOTNETCORE|10.0'

@description('Location of the Azure Bot resource: global (the default; Bot Service may process messages in any region) or a regional Bot Service that keeps its processing in the EU (westeurope) or India (centralindia). Host the rest (location) in the same geography.')
@allowed(['global', 'westeurope', 'centralindia'])
param botLocation string = 'global'

@description('Azure Bot pricing tier. Teams is a standard channel; F0 is enough unless premium channels are added.')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_RAGRS', 'Standard_GZRS', 'Standard_RAGZRS'])
param storageSku string = 'Standard_LRS'

@description('Retention of Log Analytics / Application Insights data, in days.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Key Vault purge protection. Recommended; note it keeps a deleted vault (and its name) for 90 days.')
param enableKeyVaultPurgeProtection bool = true

param tags object = { app: 'coachbot' }

// ---------- monitoring ----------

@description('Email addresses notified by the alerts (HTTP 5xx, poison queue, Graph AccessDenied); empty = alerts show in Azure Monitor only.')
param alertEmails array = []

@minValue(1)
@description('HTTP 5xx responses within 5 minutes that raise the 5xx alert.')
param http5xxThreshold int = 5

// ---------- bot identity (Entra) ----------

@description('SingleTenant: an Entra app registration with a client secret (default). UserAssignedMSI: the bot authenticates as the managed identity created here, no secret.')
@allowed(['SingleTenant', 'UserAssignedMSI'])
param botAppType string = 'SingleTenant'

@description('Application (client) id of the single-tenant app registration. Required for SingleTenant; ignored for UserAssignedMSI.')
param botAppId string = ''

@description('Client secret of that app registration, stored in Key Vault as bot-app-password. Leave empty to set it later with az keyvault secret set.')
@secure()
param botAppPassword string = ''

@description('Entra tenant of the bot and of your users.')
param tenantId string = tenant().tenantId

@description('Comma-separated tenant ids allowed to talk to the bot; empty = only the bot\'s own tenant.')
param allowedTenants string = ''

@description('Override of the Bot Framework OpenID metadata URL (sovereign clouds); empty = the app\'s default.')
param botOpenIdMetadataUrl string = ''

// ---------- Microsoft Graph ----------

@description('ClientSecret: the app registration (botAppId unless graphClientId is set) with a secret from Key Vault. ManagedIdentity: the managed identity created here, after you grant it the Graph app roles (docs/admin.md). Default: ManagedIdentity when the bot is the managed identity (there is no app registration to use), else ClientSecret.')
@allowed(['ClientSecret', 'ManagedIdentity'])
param graphAuth string = botAppType == 'UserAssignedMSI' ? 'ManagedIdentity' : 'ClientSecret'

@description('App registration used for Graph when graphAuth is ClientSecret; empty = botAppId. Required for ClientSecret with a UserAssignedMSI bot.')
param graphClientId string = ''

@description('Secret of graphClientId when it differs from the bot\'s app registration; stored as graph-client-secret.')
@secure()
param graphClientSecret string = ''

// ---------- coaching settings (app settings: keep them here; a redeploy overwrites changes made in the portal) ----------

@minValue(0)
@maxValue(23)
@description('Local hour (in each manager\'s mailbox time zone) at which the daily nudge is sent.')
param nudgeHour int = 8

@minValue(0)
@maxValue(100)
@description('Share of a manager\'s week that should go to coaching.')
param coachingTargetPercent int = 50

@allowed(['HalfDay', 'FullDay'])
param fieldDayLength string = 'HalfDay'

@minValue(1)
@description('Days a rep\'s coaching turns are kept.')
param retentionDays int = 90

@minValue(1)
@description('Reps that must share a theme before a manager sees it.')
param themeMinimumReps int = 3

@description('Path (on the web app) of a custom drill library; empty = the built-in library.')
param drillLibraryPath string = ''

@description('Optional OTLP endpoint for traces/metrics in addition to Application Insights.')
param otlpEndpoint string = ''

// ---------- who gets nudges (docs/nudges.md, "Who gets nudges") ----------

@description('Object id of an Entra group whose (nested) user members get the daily nudge (needs GroupMember.Read.All); empty = the managers of reps who use CoachBot only.')
param salesManagersGroupId string = ''

@description('Install CoachBot through Graph for managers who do not have it yet (needs TeamsAppInstallation.ReadWriteSelfForUser.All and a package built with --web-app-info).')
param installForManagers bool = true

@description('CoachBot\'s app id in the Teams org catalog (Teams admin center > Manage apps > CoachBot > App ID); empty = looked up by manifest id (needs AppCatalog.Read.All).')
param teamsAppCatalogId string = ''

// ---------- admin endpoints and other settings ----------

@description('Turn on the /admin endpoints (nudge runs, not-installed report, data-subject export/erase). Their key is the Key Vault secret admin-api-key, referenced as Admin__ApiKey.')
param enableAdminEndpoints bool = false

@description('Value for the admin-api-key secret (at least 32 random characters). Leave empty to set it later with az keyvault secret set.')
@secure()
param adminApiKey string = ''

@description('Further app settings { NAME: value } for keys without a parameter here (docs/configuration.md), e.g. Nudges__ManagerIds__0. Keys this template sets itself win.')
param extraAppSettings object = {}

// ---------- resources ----------

var useMsiBot = botAppType == 'UserAssignedMSI'
var appTypeSetting = useMsiBot ? 'UserAssignedMsi' : 'SingleTenant'
var botSecretName = 'bot-app-password'
// An MSI bot has no bot-app-password, so a Graph app registration then always has its own secret.
var graphSecretName = useMsiBot || !empty(graphClientSecret) ? 'graph-client-secret' : botSecretName
var graphUsesMsi = graphAuth == 'ManagedIdentity'
var graphAppId = empty(graphClientId) ? botAppId : graphClientId

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
  tags: tags
}

// An empty client id would start the app in Graph local mode, which refuses a non-loopback Graph URL and stops the
// app at start-up: fail the deployment instead, with a message that says which parameter is missing.
var effectiveBotAppId = useMsiBot
  ? identity.properties.clientId
  : (empty(botAppId) ? fail('botAppId is required when botAppType is SingleTenant.') : botAppId)
var effectiveGraphClientId = graphUsesMsi
  ? identity.properties.clientId
  : (empty(graphAppId)
      ? fail('graphAuth=ClientSecret needs an app registration: set graphClientId (and graphClientSecret), or use graphAuth=ManagedIdentity.')
      : graphAppId)

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    logAnalyticsName: logAnalyticsName
    appInsightsName: appInsightsName
    retentionInDays: logRetentionDays
    appPrincipalId: identity.properties.principalId
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    name: storageAccountName
    skuName: storageSku
    appPrincipalId: identity.properties.principalId
    queueNames: ['nudges', 'nudges-poison']
    tags: tags
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    name: keyVaultName
    appPrincipalId: identity.properties.principalId
    secrets: {
      '${botSecretName}': useMsiBot ? '' : botAppPassword
      'graph-client-secret': graphClientSecret
      'admin-api-key': adminApiKey
    }
    enablePurgeProtection: enableKeyVaultPurgeProtection
    tags: tags
  }
}

var botSecretRef = '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${botSecretName})'
var graphSecretRef = '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${graphSecretName})'

var baseSettings = {
  ASPNETCORE_ENVIRONMENT: 'Production'
  // The app binds 127.0.0.1:3978 unless told otherwise; App Service's front end reaches Linux .NET apps on 8080.
  // Set both explicitly rather than rely on what the platform image exports (.NET 8+ images set HTTP_PORTS, not URLS).
  ASPNETCORE_URLS: 'http://+:8080'
  WEBSITES_PORT: '8080'
  // Azure.Identity (DefaultAzureCredential / ManagedIdentityCredential) picks the user-assigned identity by this id.
  AZURE_CLIENT_ID: identity.properties.clientId
  Storage__TableServiceUri: storage.outputs.tableServiceUri
  Storage__QueueServiceUri: storage.outputs.queueServiceUri
  Bot__AppId: effectiveBotAppId
  Bot__AppType: appTypeSetting
  Bot__TenantId: tenantId
  Bot__AllowedTenants: allowedTenants
  Graph__BaseUrl: '${environment().graph}v1.0'
  Graph__TenantId: tenantId
  Graph__ClientId: effectiveGraphClientId
  Coaching__NudgeHour: nudgeHour
  Coaching__CoachingTargetPercent: coachingTargetPercent
  Coaching__FieldDayLength: fieldDayLength
  Coaching__RetentionDays: retentionDays
  Coaching__ThemeMinimumReps: themeMinimumReps
  Nudges__InstallForManagers: installForManagers ? 'true' : 'false'
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.appInsightsConnectionString
  // Application Insights accepts only Entra-authenticated telemetry (DisableLocalAuth): the exporter signs in as this identity.
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${identity.properties.clientId}'
}
var botSecretSettings = useMsiBot ? {} : { Bot__AppPassword: botSecretRef }
var graphSettings = graphUsesMsi ? { Graph__UseManagedIdentity: 'true' } : { Graph__ClientSecret: graphSecretRef }
var optionalSettings = union(
  empty(botOpenIdMetadataUrl) ? {} : { Bot__OpenIdMetadataUrl: botOpenIdMetadataUrl },
  empty(drillLibraryPath) ? {} : { Coaching__DrillLibraryPath: drillLibraryPath },
  empty(otlpEndpoint) ? {} : { OTEL_EXPORTER_OTLP_ENDPOINT: otlpEndpoint },
  empty(salesManagersGroupId) ? {} : { Nudges__SalesManagersGroupId: salesManagersGroupId },
  empty(teamsAppCatalogId) ? {} : { Nudges__TeamsAppCatalogId: teamsAppCatalogId },
  enableAdminEndpoints ? { Admin__ApiKey: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=admin-api-key)' } : {}
)

module webApp 'modules/webapp.bicep' = {
  name: 'webapp'
  params: {
    location: location
    planName: appServicePlanName
    appName: webAppName
    skuName: appServicePlanSku
    instanceCount: instanceCount
    linuxFxVersion: linuxFxVersion
    identityId: identity.id
    appSettings: union(extraAppSettings, baseSettings, botSecretSettings, graphSettings, optionalSettings)
    tags: tags
  }
  dependsOn: [keyVault] // Key Vault references resolve at start-up: vault, secret and role first
}

module diagnostics 'modules/diagnostics.bicep' = {
  name: 'diagnostics'
  params: {
    workspaceId: monitoring.outputs.logAnalyticsWorkspaceId
    keyVaultName: keyVault.outputs.name
    storageAccountName: storage.outputs.name
    webAppName: webApp.outputs.name
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  params: {
    location: location
    baseName: baseName
    workspaceId: monitoring.outputs.logAnalyticsWorkspaceId
    webAppId: webApp.outputs.id
    alertEmails: alertEmails
    http5xxThreshold: http5xxThreshold
    tags: tags
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: botName
    location: botLocation
    displayName: 'CoachBot'
    skuName: botSku
    endpoint: 'https://${webApp.outputs.defaultHostName}/api/messages'
    msaAppType: botAppType
    msaAppId: effectiveBotAppId
    msaAppTenantId: tenantId
    msaAppMsiResourceId: identity.id
    tags: tags
  }
}

// ---------- outputs ----------

@description('Messaging endpoint registered on the Azure Bot resource.')
output botEndpoint string = bot.outputs.endpoint
@description('The bot\'s Microsoft App ID: pass it to manifest/package.mjs --app-id.')
output botAppId string = bot.outputs.msaAppId
@description('Host name of the web app: pass it to manifest/package.mjs --domain.')
output botDomain string = webApp.outputs.defaultHostName
output webAppName string = webApp.outputs.name
output botResourceName string = bot.outputs.name
output storageAccountName string = storage.outputs.name
output keyVaultName string = keyVault.outputs.name
output managedIdentityClientId string = identity.properties.clientId
output managedIdentityPrincipalId string = identity.properties.principalId
output appInsightsName string = monitoring.outputs.appInsightsName
output logAnalyticsWorkspaceId string = monitoring.outputs.logAnalyticsWorkspaceId
output alertNames array = alerts.outputs.alertNames
