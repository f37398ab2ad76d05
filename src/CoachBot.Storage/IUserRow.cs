namespace CoachBot.Storage;

/// <summary>
/// A row class of a table not partitioned by user whose rows name the user they belong to, so "forget me" finds them
/// with one typed filter (<see cref="TableQueries.OfUser{T}"/>).
/// </summary>
internal interface IUserRow
{
    string? TenantId { get; }
    string? UserKey { get; }
}

/// <summary>A user row that also names the manager it concerns (<see cref="TableQueries.DeleteOfRepOrManagerAsync{T}"/>).</summary>
internal interface IRepAndManagerRow : IUserRow
{
    string? ManagerId { get; }
}
