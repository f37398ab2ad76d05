using System.Diagnostics.CodeAnalysis;
using CoachBot.Storage;
using CoachBot.Storage.Conversations;
using CoachBot.Storage.Turns;
using Microsoft.Extensions.Caching.Memory;

namespace CoachBot.Coaching;

/// <summary>
/// The coaching state this instance last stored per conversation, with the state row's ETag. A turn that finds its
/// conversation here skips the state read: the turn's transaction replaces the state row only if its ETag still matches,
/// so when anyone else changed the row since (another instance's turn, a follow-up opening, "forget me"'s mark or
/// erase) the transaction fails, the entry is dropped and the turn reads the row and runs again. A cached state decides
/// I/O beyond the transaction only where that failure still settles it (a new topic's signal, a confirmed plan's
/// follow-up entry); a reply with any other such I/O (<see cref="TurnEffects.NeedsRead"/>) reads the row first, as every
/// turn did before this cache. Per instance and bounded; losing an entry costs one read.
/// It also keeps the conversation reference the turn stored, so the next turns leave that row out of their transaction
/// while it is unchanged and recent (<see cref="HeldReference"/>): one entity less per turn for the storage service.
/// </summary>
internal sealed class StateCache : IDisposable
{
    private const int Capacity = 20_000;
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(30);
    private static readonly MemoryCacheEntryOptions Entry = new() { Size = 1, SlidingExpiration = Idle };
    private readonly MemoryCache _states = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <summary>
    /// How old a stored reference may be before a turn writes it again anyway: its <c>UpdatedAt</c> picks a user's newest
    /// chat, and a retirement by another instance (the bot was blocked) is undone by the next turn after this at most.
    /// </summary>
    public static readonly TimeSpan ReferenceRefresh = TimeSpan.FromMinutes(10);

    /// <summary>Escaped like the table keys, so no two conversations share an entry whatever their ids hold.</summary>
    public static string KeyOf(string tenantId, string userKey, string conversationId) => TableKeys.Join(tenantId, userKey, conversationId);

    public bool TryGet(string key, [MaybeNullWhen(false)] out StoredState state)
    {
        state = _states.TryGetValue(key, out Cached? cached) ? cached!.State : null;
        return state is not null;
    }

    /// <summary>
    /// The reference this instance stored for the conversation, if it is <paramref name="reference"/> (every field but the
    /// time alike) and younger than <see cref="ReferenceRefresh"/>: the turn need not write it again. Null otherwise.
    /// </summary>
    public StoredConversationReference? HeldReference(string key, StoredConversationReference? reference, DateTimeOffset now) =>
        reference is not null && _states.TryGetValue(key, out Cached? cached) && cached!.Reference is { } stored
        && now - stored.UpdatedAt < ReferenceRefresh && reference with { UpdatedAt = stored.UpdatedAt } == stored
            ? stored
            : null;

    /// <summary>
    /// Remembers a state just stored, with the reference the conversation's row now holds (written by this turn or one
    /// before it); a row whose new ETag the service did not report is not cached.
    /// </summary>
    public void Remember(string key, StoredState state, StoredConversationReference? reference)
    {
        if (state.ETag is { } etag && etag != default) _states.Set(key, new Cached(state, reference), Entry);
        else Forget(key);
    }

    public void Forget(string key) => _states.Remove(key);

    public void Dispose() => _states.Dispose();

    private sealed record Cached(StoredState State, StoredConversationReference? Reference);
}
