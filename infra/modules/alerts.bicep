// Alerts on what an operator must act on. Log alerts query the workspace the app's OpenTelemetry data lands in
// (workspace-based Application Insights: AppTraces, AppMetrics); their texts match the app's own log template and
// metric (tests/js/infra.test.mjs checks both against the source). With alertEmails empty the alerts still fire and
// show in Azure Monitor > Alerts, but notify nobody.
param location string
param baseName string
param workspaceId string
param webAppId string
@description('Email addresses notified by every alert; empty = no action group.')
param alertEmails array
@minValue(1)
param http5xxThreshold int
param tags object

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = if (!empty(alertEmails)) {
  name: 'ag-${baseName}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: take(baseName, 12)
    enabled: true
    emailReceivers: [for (address, i) in alertEmails: {
      name: 'email-${i}'
      emailAddress: address
      useCommonAlertSchema: true
    }]
  }
}

var actionGroupId = resourceId('Microsoft.Insights/actionGroups', 'ag-${baseName}')
var actions = empty(alertEmails) ? [] : [{ actionGroupId: actionGroupId }]

resource http5xx 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'alert-${baseName}-http5xx'
  location: 'global'
  tags: tags
  properties: {
    description: 'The web app answered with HTTP 5xx (Teams retries a 503, but repeated 5xx means turns are failing).'
    severity: 2
    enabled: true
    scopes: [webAppId]
    evaluationFrequency: 'PT1M'
    windowSize: 'PT5M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          name: 'http5xx'
          criterionType: 'StaticThresholdCriterion'
          metricNamespace: 'Microsoft.Web/sites'
          metricName: 'Http5xx'
          operator: 'GreaterThanOrEqual'
          threshold: http5xxThreshold
          timeAggregation: 'Total'
        }
      ]
    }
    actions: actions
  }
  dependsOn: [actionGroup]
}

var logAlerts = [
  {
    key: 'poison'
    description: 'A nudge or follow-up job failed every delivery and was moved to the nudges-poison queue (docs/nudges.md).'
    severity: 2
    query: 'AppTraces | where Message has "moved to the poison queue"'
  }
  {
    key: 'graph-accessdenied'
    description: 'Graph refused a call with 401/403: consent missing or the Exchange RBAC / access policy scope excludes the mailbox (docs/admin.md sections 2 and 3).'
    severity: 2
    query: 'AppMetrics | where Name == "coachbot.graph.calls" and tostring(Properties.outcome) == "AccessDenied" and Sum > 0'
  }
]

resource logAlertRules 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = [
  for a in logAlerts: {
    name: 'alert-${baseName}-${a.key}'
    location: location
    tags: tags
    kind: 'LogAlert'
    properties: {
      description: a.description
      severity: a.severity
      enabled: true
      scopes: [workspaceId]
      evaluationFrequency: 'PT5M'
      windowSize: 'PT15M'
      criteria: {
        allOf: [
          {
            query: a.query
            timeAggregation: 'Count'
            operator: 'GreaterThan'
            threshold: 0
            failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
          }
        ]
      }
      autoMitigate: true
      actions: { actionGroups: empty(alertEmails) ? [] : [actionGroupId] }
    }
    dependsOn: [actionGroup]
  }
]

output alertNames array = concat([http5xx.name], map(logAlerts, a => 'alert-${baseName}-${a.key}'))
