using System.Diagnostics.CodeAnalysis;
using CoachBot.Storage;
using CoachBot.Storage.Turns;
using Microsoft.Extensions.Caching.Memory;

namespace CoachBot.Coaching;

/// <summary>
/// The coaching state this instance last stored per conversation, with the state row's ETag. A turn that finds its
/// conversation here skips the state read: the turn's transaction replaces the state row only if its ETag still matches,
/// so when anyone else changed the row since (another instance's turn, a follow-up opening, "forget me"'s mark or
/// erase) the transaction fails, the entry is dropped and the turn reads the row and runs again. A cached state is
/// never used to decide I/O beyond the transaction (<see cref="TurnEffects.Needs"/>): such a turn reads the row first,
/// as every turn did before this cache. Per instance and bounded; losing an entry costs one read.
/// </summary>
internal sealed class StateCache : IDisposable
{
    private const int Capacity = 20_000;
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(30);
    private static readonly MemoryCacheEntryOptions Entry = new() { Size = 1, SlidingExpiration = Idle };
    private readonly MemoryCache _states = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <summary>Escaped like the table keys, so no two conversations share an entry whatever their ids hold.</summary>
    public static string KeyOf(string tenantId, string userKey, string conversationId) => TableKeys.Join(tenantId, userKey, conversationId);

    public bool TryGet(string key, [MaybeNullWhen(false)] out StoredState state)
    {
        state = _states.TryGetValue(key, out StoredState? cached) ? cached : null;
        return state is not null;
    }

    /// <summary>Remembers a state just stored; a row whose new ETag the service did not report is not cached.</summary>
    public void Remember(string key, StoredState state)
    {
        if (state.ETag is { } etag && etag != default) _states.Set(key, state, Entry);
        else Forget(key);
    }

    public void Forget(string key) => _states.Remove(key);

    public void Dispose() => _states.Dispose();
}
