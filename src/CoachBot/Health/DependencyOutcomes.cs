using System.Diagnostics.Metrics;
using CoachBot.Graph;
using CoachBot.Teams.Connector;

namespace CoachBot.Health;

/// <summary>
/// Recent failures of the Connector and Graph, read from the meters they already publish (a MeterListener, so the
/// protocol and Graph layers know nothing of health checks). Readiness reports them as degraded; they never make an
/// instance unready, because another instance would fail the same calls.
/// </summary>
internal sealed class DependencyOutcomes : IDisposable
{
    public const string Connector = "connector";
    public const string Graph = "graph";
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    private const int MaxKept = 1000;

    private readonly MeterListener _listener = new();
    private readonly TimeProvider _time;
    private readonly Dictionary<string, Recent> _recent = new() { [Connector] = new(), [Graph] = new() };

    public DependencyOutcomes(TimeProvider time)
    {
        _time = time;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if ((instrument.Meter.Name, instrument.Name) is (ConnectorMetrics.MeterName, "coachbot.connector.calls" or "coachbot.connector.failures")
                or (GraphMetrics.MeterName, GraphMetrics.CallsName))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>(OnMeasurement);
        _listener.Start();
    }

    /// <summary>Failures within <see cref="Window"/> and when the dependency last answered well.</summary>
    public (int Failures, DateTimeOffset? LastSuccess) Read(string dependency)
    {
        var recent = _recent[dependency];
        lock (recent)
        {
            Prune(recent);
            return (recent.Failures.Count, recent.LastSuccess);
        }
    }

    private void OnMeasurement(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        bool failed;
        string dependency;
        if (instrument.Meter.Name == GraphMetrics.MeterName)
        {
            dependency = Graph;
            var outcome = Tag(tags, "outcome") as string;
            // "Not found" is an answer, not an outage.
            if (outcome == nameof(GraphFailureKind.NotFound)) return;
            failed = outcome != GraphMetrics.Succeeded;
        }
        else
        {
            dependency = Connector;
            // Answered calls count as success below 400; a call that failed for good counts once, as a failure.
            failed = instrument.Name == "coachbot.connector.failures";
            if (!failed && Tag(tags, "status") is int status && status >= 400) return;
        }
        var recent = _recent[dependency];
        var now = _time.GetUtcNow();
        lock (recent)
        {
            if (!failed)
            {
                recent.LastSuccess = now;
                return;
            }
            recent.Failures.Enqueue(now);
            if (recent.Failures.Count > MaxKept) recent.Failures.Dequeue();
        }
    }

    private void Prune(Recent recent)
    {
        var oldest = _time.GetUtcNow() - Window;
        while (recent.Failures.TryPeek(out var at) && at < oldest) recent.Failures.Dequeue();
    }

    private static object? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key)
    {
        foreach (var tag in tags)
            if (tag.Key == key) return tag.Value;
        return null;
    }

    public void Dispose() => _listener.Dispose();

    private sealed class Recent
    {
        public Queue<DateTimeOffset> Failures { get; } = new();
        public DateTimeOffset? LastSuccess { get; set; }
    }
}
