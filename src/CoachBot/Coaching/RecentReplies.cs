using System.Collections.Concurrent;

namespace CoachBot.Coaching;

/// <summary>
/// Activity ids this instance has answered recently. Storage records the same fact (a turn's RepliedAt), but when
/// storage fails right after a reply went out, this memory is what keeps a redelivery from answering twice while the
/// record is retried. Bounded; per instance (a redelivery that lands on another instance during that window is the gap).
/// </summary>
internal sealed class RecentReplies(TimeProvider time)
{
    private const int Capacity = 50_000;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _replied = new(StringComparer.Ordinal);

    public void Remember(string key)
    {
        if (_replied.Count >= Capacity) Trim();
        _replied[key] = time.GetUtcNow();
    }

    public bool Contains(string key) => _replied.TryGetValue(key, out var at) && time.GetUtcNow() - at < Lifetime;

    public void Forget(string key) => _replied.TryRemove(key, out _);

    private void Trim()
    {
        var cutoff = time.GetUtcNow() - Lifetime;
        foreach (var (key, at) in _replied)
        {
            if (at < cutoff) _replied.TryRemove(key, out _);
        }
        // Still full of fresh entries: drop the oldest half rather than grow without bound.
        if (_replied.Count >= Capacity)
            foreach (var (key, _) in _replied.OrderBy(e => e.Value).Take(Capacity / 2)) _replied.TryRemove(key, out _);
    }
}
