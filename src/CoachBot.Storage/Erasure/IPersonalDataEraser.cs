namespace CoachBot.Storage.Erasure;

/// <summary>
/// Removes one person's data from the tables a store owns ("forget me"). Every store that keeps anything keyed by, or
/// mentioning, a user implements it and is registered as one in DI; the erase job runs all of them, and a test fails
/// when a table exists that no eraser claims in <see cref="Tables"/>, so a table added later cannot be forgotten.
/// </summary>
public interface IPersonalDataEraser
{
    /// <summary>The tables this eraser answers for.</summary>
    IReadOnlyCollection<string> Tables { get; }

    /// <summary>
    /// Removes every row of the user and every mention of them in other people's rows. Idempotent and safe to run
    /// concurrently with itself: a second run finds nothing and returns 0. Returns how many rows were deleted or changed.
    /// </summary>
    Task<int> EraseUserAsync(string tenantId, string userKey, CancellationToken ct);
}
