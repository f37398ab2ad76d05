using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace CoachBot.Tools.GraphServer.Control;

/// <summary>What tests assert on: requests per operation, the $select each operation sent, getSchedule sizes, peak concurrency per mailbox, tokens seen.</summary>
public sealed class ServerStats
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _requests = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> _selects = new(StringComparer.Ordinal);
    private readonly List<int> _scheduleSizes = [];
    private readonly ConcurrentDictionary<string, int> _inFlight = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _peak = new(StringComparer.OrdinalIgnoreCase);
    private int _eventsCreated;
    private int _appsInstalled;
    private int _authorizationHeaders;

    public void Request(string key, bool hadAuthorization)
    {
        lock (_gate) _requests[key] = _requests.GetValueOrDefault(key) + 1;
        if (hadAuthorization) Interlocked.Increment(ref _authorizationHeaders);
    }

    /// <summary>Records a request's $select (as sent, comma-separated) under its operation, so tests see which fields were asked for.</summary>
    public void RecordSelect(string key, string select)
    {
        lock (_gate)
        {
            if (!_selects.TryGetValue(key, out var seen)) _selects[key] = seen = new SortedSet<string>(StringComparer.Ordinal);
            seen.Add(select);
        }
    }

    public void RecordSchedule(int size)
    {
        lock (_gate) _scheduleSizes.Add(size);
    }

    public void EventCreated() => Interlocked.Increment(ref _eventsCreated);

    public void AppInstalled() => Interlocked.Increment(ref _appsInstalled);

    public void Enter(string mailbox)
    {
        var now = _inFlight.AddOrUpdate(mailbox, 1, (_, n) => n + 1);
        _peak.AddOrUpdate(mailbox, now, (_, p) => Math.Max(p, now));
    }

    public void Exit(string mailbox) => _inFlight.AddOrUpdate(mailbox, 0, (_, n) => n - 1);

    public void Reset()
    {
        lock (_gate)
        {
            _requests.Clear();
            _selects.Clear();
            _scheduleSizes.Clear();
        }

        _peak.Clear();
        _eventsCreated = 0;
        _appsInstalled = 0;
        _authorizationHeaders = 0;
    }

    public JsonObject ToJson()
    {
        lock (_gate)
        {
            return new JsonObject
            {
                ["requests"] = new JsonObject([.. _requests.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))]),
                ["selects"] = new JsonObject([.. _selects.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)new JsonArray([.. kv.Value.Select(s => (JsonNode)s)])))]),
                ["getScheduleSizes"] = new JsonArray([.. _scheduleSizes.Select(s => (JsonNode)s)]),
                ["maxConcurrentByMailbox"] = new JsonObject([.. _peak.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))]),
                ["eventsCreated"] = _eventsCreated,
                ["appsInstalled"] = _appsInstalled,
                ["authorizationHeaders"] = _authorizationHeaders,
            };
        }
    }
}
