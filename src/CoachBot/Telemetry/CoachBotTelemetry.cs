using System.Diagnostics;
using System.Diagnostics.Metrics;
using CoachBot.Delivery;

namespace CoachBot.Telemetry;

/// <summary>
/// CoachBot's own traces and metrics (meter and activity source "CoachBot"). Tags carry kinds and outcomes only,
/// never ids or anything a rep wrote.
/// </summary>
public static class CoachBotTelemetry
{
    public const string Name = "CoachBot";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);
    private static readonly Counter<long> Turns = Meter.CreateCounter<long>("coachbot.turns", description: "Activities processed, by activity type and reply kind.");
    private static readonly Counter<long> Duplicates = Meter.CreateCounter<long>("coachbot.turns.duplicate", description: "Redelivered activities recognised and not answered twice.");
    private static readonly Counter<long> Proactive = Meter.CreateCounter<long>("coachbot.proactive", description: "Proactive messages (follow-ups, nudges) by outcome.");

    public static void Turn(string activityType, string kind) =>
        Turns.Add(1, new KeyValuePair<string, object?>("activity.type", activityType), new KeyValuePair<string, object?>("reply.kind", kind));

    public static void Duplicate() => Duplicates.Add(1);

    public static void ProactiveSent(ProactiveOutcome outcome) => Proactive.Add(1, new KeyValuePair<string, object?>("outcome", outcome.ToString()));
}
