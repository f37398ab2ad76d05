using CoachBot.Teams.Auth;
namespace CoachBot.Teams.Hosting;

/// <summary>
/// Durable record of turns acknowledged before they finished. Written before the 200 goes back (so a crash or a
/// deploy cannot lose the turn), removed when the turn finished, and swept by every instance for entries left
/// behind. Implemented over Azure Tables in CoachBot.Storage; this layer only knows this contract.
/// </summary>
public interface IAcknowledgedTurnStore
{
    /// <summary>Persists an acknowledged activity, held by the caller until <paramref name="leaseUntil"/>. Throws when it cannot.</summary>
    Task<AcknowledgedTurn> AddAsync(ReadOnlyMemory<byte> activity, VerifiedCaller caller, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken ct);

    /// <summary>Removes an entry: its turn finished (or was given up). An entry already gone is fine.</summary>
    Task RemoveAsync(AcknowledgedTurn turn, CancellationToken ct);

    /// <summary>
    /// Takes, until <paramref name="leaseUntil"/>, entries whose lease ran out, each with a conditional update so
    /// that of concurrent sweepers exactly one takes an entry; counts the take in <see cref="AcknowledgedTurn.Attempts"/>.
    /// <paramref name="acknowledgedSince"/> limits the read to entries acknowledged since then (few partitions);
    /// null reads them all. At most <paramref name="max"/> entries per call.
    /// </summary>
    Task<IReadOnlyList<AcknowledgedTurn>> TakeExpiredAsync(DateTimeOffset now, DateTimeOffset leaseUntil, DateTimeOffset? acknowledgedSince, int max, CancellationToken ct);
}
