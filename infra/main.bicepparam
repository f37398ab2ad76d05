// Example parameters for infra/main.bicep. Copy to e.g. contoso.bicepparam, fill in your values, then:
//   az deployment group create -g rg-coachbot -f infra/main.bicep -p infra/contoso.bicepparam
// Secrets are read from the environment at deployment time so they never land in a file:
//   export BOT_APP_PASSWORD='<client secret of the CoachBot app registration>'
//   export ADMIN_API_KEY="$(openssl rand -base64 32)"     (only with enableAdminEndpoints = true)
// This file is the source of truth for the web app's settings: each deployment replaces them (docs/admin.md §8).
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

// Azure Bot Service location: 'global', or 'westeurope' / 'centralindia' for a regional bot (docs/admin.md §4).
param botLocation = 'global'

// Who is e-mailed when an alert fires (HTTP 5xx, poison queue, Graph AccessDenied).
param alertEmails = []

// The /admin endpoints (nudge runs, not-installed report, data-subject export/erase), keyed by Key Vault secret admin-api-key.
param enableAdminEndpoints = false
param adminApiKey = readEnvironmentVariable('ADMIN_API_KEY', '')

// Any other setting of docs/configuration.md, e.g. { 'Nudges__ManagerIds__0': '<manager object id>' }.
param extraAppSettings = {}

param tags = {
  app: 'coachbot'
  env: 'prod'
}
