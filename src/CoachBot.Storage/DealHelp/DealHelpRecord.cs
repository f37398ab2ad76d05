namespace CoachBot.Storage.DealHelp;

/// <summary>
/// A rep's request for their manager's help on a deal (team selling), stored only once the rep pressed Send: the two
/// texts are exactly what the rep left in the card's boxes, meant for the manager. <see cref="Day"/> is the UTC day of
/// the first Send, so every later click or redelivery names the same once-only message.
/// </summary>
public sealed record DealHelpRecord(
    string TenantId,
    string RequestId,
    string RepId,
    string RepName,
    string ManagerId,
    string ManagerName,
    string Request,
    string? Ask,
    DateOnly Day,
    DateTimeOffset SentAt);
