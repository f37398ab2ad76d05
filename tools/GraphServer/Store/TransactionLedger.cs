namespace CoachBot.Tools.GraphServer.Store;

/// <summary>
/// Every event <c>transactionId</c> an organizer's calendar has seen, kept after the event is deleted. Graph documents
/// transactionId only for retries of one create; the service answers any later POST that reuses an id, even one whose
/// event was deleted, with 400 <c>ErrorDuplicateTransactionId</c>, and this server does the same (also for a live event,
/// the stricter reading), so clients cannot lean on "a repeat returns the original".
/// </summary>
public sealed class TransactionLedger
{
    public const string DuplicateCode = "ErrorDuplicateTransactionId";

    private readonly HashSet<(string Organizer, string TransactionId)> _used = [];

    /// <summary>Claims the id for the organizer; false when it was used before. Call under the store's lock.</summary>
    public bool TryClaim(string organizerId, string? transactionId) =>
        transactionId is not { Length: > 0 } || _used.Add((organizerId.ToUpperInvariant(), transactionId));

    public void Clear() => _used.Clear();
}
