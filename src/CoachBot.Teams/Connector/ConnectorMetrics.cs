using System.Diagnostics.Metrics;

namespace CoachBot.Teams.Connector;

/// <summary>Connector call counts by outcome, exported through OpenTelemetry (meter "CoachBot.Connector").</summary>
public static class ConnectorMetrics
{
    public const string MeterName = "CoachBot.Connector";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Calls = Meter.CreateCounter<long>("coachbot.connector.calls", description: "Connector calls that got an answer, by HTTP status.");
    private static readonly Counter<long> Retries = Meter.CreateCounter<long>("coachbot.connector.retries", description: "Connector calls retried after 429/5xx or a network error.");
    private static readonly Counter<long> Failures = Meter.CreateCounter<long>("coachbot.connector.failures", description: "Connector calls that failed for good.");

    internal static void Answered(int status) => Calls.Add(1, new KeyValuePair<string, object?>("status", status));
    internal static void Retried(int status) => Retries.Add(1, new KeyValuePair<string, object?>("status", status));
    internal static void Failed(int status) => Failures.Add(1, new KeyValuePair<string, object?>("status", status));
}
