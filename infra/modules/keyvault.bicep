// Key Vault (Azure RBAC authorization) holding the bot's client secret; the app reads it through
// App Service Key Vault references with its managed identity (Key Vault Secrets User).
param location string
param name string
param appPrincipalId string
@description('Secrets to store: { name: value }. Empty values are skipped (set them later with az keyvault secret set).')
@secure()
param secrets object
param enablePurgeProtection bool
param tags object

var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource secretItems 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [
  for s in items(secrets): if (!empty(s.value)) {
    parent: vault
    name: s.key
    properties: {
      value: s.value
      contentType: 'text/plain'
    }
  }
]

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appPrincipalId, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
