using System.Collections.Concurrent;
using CoachBot.Teams.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using CoachBot.Teams.Auth;

namespace CoachBot.Teams.Tests.Hosting;

/// <summary>
/// The acknowledged-turn contract in memory, for unit tests of the protocol layer (the Azure Tables implementation,
/// with its conditional updates, is proven against Azurite in the integration tests).
/// </summary>
internal sealed class InMemoryAcknowledgedTurns : IAcknowledgedTurnStore
{
    private readonly ConcurrentDictionary<string, AcknowledgedTurn> _entries = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _leases = new();

    /// <summary>When set, AddAsync throws it (storage down).</summary>
    public Exception? FailAdds { get; set; }

    public IReadOnlyCollection<AcknowledgedTurn> Entries => [.. _entries.Values];

    public Task<AcknowledgedTurn> AddAsync(ReadOnlyMemory<byte> activity, VerifiedCaller caller, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken ct)
    {
        if (FailAdds is { } failure) return Task.FromException<AcknowledgedTurn>(failure);
        var entry = new AcknowledgedTurn(Guid.NewGuid().ToString("N"), activity.ToArray(), caller, now, 0);
        _entries[entry.Key] = entry;
        _leases[entry.Key] = leaseUntil;
        return Task.FromResult(entry);
    }

    public Task RemoveAsync(AcknowledgedTurn turn, CancellationToken ct)
    {
        _entries.TryRemove(turn.Key, out _);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AcknowledgedTurn>> TakeExpiredAsync(DateTimeOffset now, DateTimeOffset leaseUntil, DateTimeOffset? acknowledgedSince, int max, CancellationToken ct)
    {
        var taken = new List<AcknowledgedTurn>();
        foreach (var (key, entry) in _entries)
        {
            if (taken.Count >= max || _leases[key] >= now || entry.AcknowledgedAt < acknowledgedSince) continue;
            var next = entry with { Attempts = entry.Attempts + 1 };
            _entries[key] = next;
            _leases[key] = leaseUntil;
            taken.Add(next);
        }
        return Task.FromResult<IReadOnlyList<AcknowledgedTurn>>(taken);
    }

    /// <summary>Background turns over this store, with quick reruns.</summary>
    public BackgroundTurns Background(BotOptions? options = null) =>
        new(this, Options.Create(options ?? new BotOptions()), TimeProvider.System, NullLogger<BackgroundTurns>.Instance) { RetryDelays = [TimeSpan.FromMilliseconds(20)] };
}
