// Example parameters for infra/main.bicep. Copy to e.g. contoso.bicepparam, fill in your values, then:
//   az deployment group create -g rg-coachbot -f infra/main.bicep -p infra/contoso.bicepparam
// The client secret is read from the environment at deployment time so it never lands in a file:
//   export BOT_APP_PASSWORD='<client secret of the CoachBot app registration>'
using 'main.bicep'

param baseName = 'coachbot'
param location = 'westeurope'
param appServicePlanSku = 'B1'
param botSku = 'F0'
param storageSku = 'Standard_LRS'

// Application (client) id of the single-tenant Entra app registration "CoachBot" (docs/admin.md, step 1).
param botAppType = 'SingleTenant'
param botAppId = '00000000-0000-0000-0000-000000000000'
param botAppPassword = readEnvironmentVariable('BOT_APP_PASSWORD', '')
param tenantId = '00000000-0000-0000-0000-000000000000'
param allowedTenants = ''

param graphAuth = 'ClientSecret'

param nudgeHour = 8
param coachingTargetPercent = 50
param fieldDayLength = 'HalfDay'
param retentionDays = 90
param themeMinimumReps = 3

// Who gets nudges: managers of reps who use CoachBot, plus (optionally) this group's members.
param salesManagersGroupId = ''
param installForManagers = true
param teamsAppCatalogId = ''

param tags = {
  app: 'coachbot'
  env: 'prod'
}
