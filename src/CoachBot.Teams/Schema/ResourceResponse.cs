namespace CoachBot.Teams.Schema;

/// <summary>What the Connector returns for a sent activity. Teams may answer 2xx with an empty body, so Id may be null.</summary>
public sealed record ResourceResponse(string? Id);
