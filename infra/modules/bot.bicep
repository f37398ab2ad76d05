// Azure Bot resource (single-tenant app registration or user-assigned managed identity) with the
// Microsoft Teams channel and the messaging endpoint https://<app host>/api/messages.
param name string
@description('global, or a regional Azure Bot Service location (data residency: westeurope = EU, centralindia = India).')
@allowed(['global', 'westeurope', 'centralindia'])
param location string
param displayName string
@allowed(['F0', 'S1'])
param skuName string
param endpoint string
@allowed(['SingleTenant', 'UserAssignedMSI'])
param msaAppType string
param msaAppId string
param msaAppTenantId string
@description('Resource id of the user-assigned identity; used only when msaAppType is UserAssignedMSI.')
param msaAppMsiResourceId string
param tags object

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: location
  tags: tags
  kind: 'azurebot'
  sku: { name: skuName }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppType: msaAppType
    msaAppId: msaAppId
    msaAppTenantId: msaAppTenantId
    msaAppMSIResourceId: msaAppType == 'UserAssignedMSI' ? msaAppMsiResourceId : null
    publicNetworkAccess: 'Enabled'
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: location
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output name string = bot.name
output endpoint string = bot.properties.endpoint
output msaAppId string = bot.properties.msaAppId
output teamsChannel string = teams.name
output location string = bot.location
