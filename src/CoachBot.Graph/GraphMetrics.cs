using System.Diagnostics.Metrics;

namespace CoachBot.Graph;

/// <summary>Graph call outcomes (meter "CoachBot.Graph"): exported through OpenTelemetry and read by the readiness probe.</summary>
public static class GraphMetrics
{
    public const string MeterName = "CoachBot.Graph";
    public const string CallsName = "coachbot.graph.calls";

    /// <summary>The <c>outcome</c> tag of a call that succeeded; failures carry their <see cref="GraphFailureKind"/>.</summary>
    public const string Succeeded = "ok";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Calls = Meter.CreateCounter<long>(CallsName, description: "Graph calls by outcome (ok or the failure kind).");

    internal static void Ok() => Calls.Add(1, new KeyValuePair<string, object?>("outcome", Succeeded));

    internal static void Failed(GraphFailureKind kind) => Calls.Add(1, new KeyValuePair<string, object?>("outcome", kind.ToString()));
}
