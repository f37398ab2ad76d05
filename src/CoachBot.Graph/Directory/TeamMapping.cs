namespace CoachBot.Graph.Directory;

/// <summary>One manager-to-rep row. Either side may be an Entra object id or a UPN.</summary>
public sealed record TeamMappingEntry(string Manager, string Rep, int LineNumber);

/// <summary>
/// A manager-to-rep mapping for tenants whose Entra manager field is empty. Lookups are case-insensitive and match
/// a user by object id, UPN or mail, whichever the mapping file used.
/// </summary>
public sealed class TeamMapping
{
    public static readonly TeamMapping Empty = new([]);

    public TeamMapping(IReadOnlyList<TeamMappingEntry> entries) => Entries = entries ?? throw new ArgumentNullException(nameof(entries));

    public IReadOnlyList<TeamMappingEntry> Entries { get; }

    /// <summary>Rep identifiers mapped to any of the manager's identifiers.</summary>
    public IReadOnlyList<string> RepsOf(params string?[] managerKeys) =>
        [.. Entries.Where(e => Matches(e.Manager, managerKeys)).Select(e => e.Rep).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The manager identifier mapped to any of the rep's identifiers, or null.</summary>
    public string? ManagerOf(params string?[] repKeys) => Entries.FirstOrDefault(e => Matches(e.Rep, repKeys))?.Manager;

    private static bool Matches(string value, string?[] keys) =>
        keys.Any(k => !string.IsNullOrWhiteSpace(k) && string.Equals(value, k, StringComparison.OrdinalIgnoreCase));
}
