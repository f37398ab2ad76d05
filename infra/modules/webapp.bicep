// Linux App Service plan + web app running CoachBot (.NET), with the user-assigned managed identity,
// HTTPS only, TLS 1.2, FTP and SCM basic auth off, Always On (the nudge scheduler and queue workers run in-process) and
// /healthz/live (liveness: the process only, never storage) as the platform health check, so a storage outage
// does not get healthy instances recycled.
param location string
param planName string
param appName string
param skuName string
@minValue(1)
@maxValue(10)
param instanceCount int
param linuxFxVersion string
param identityId string
@description('App settings as { NAME: value }; Key Vault references are resolved by App Service with the managed identity.')
param appSettings object
param tags object

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
    capacity: instanceCount
  }
  properties: {
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: linuxFxVersion
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz/live'
      appSettings: [for s in items(appSettings): { name: s.key, value: string(s.value) }]
    }
  }
}

// No basic-auth (publishing user/password) on FTP or on the SCM/Kudu site: deployments sign in with Entra ID
// (az webapp deploy uses the caller's token), so there is no long-lived publishing password to leak.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
output id string = site.id
