namespace CoachBot.Teams.Connector;

/// <summary>Supplies the bearer token for calls to the Bot Connector; null in local mode, where none is sent.</summary>
public interface IBotTokenProvider
{
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);
}

/// <summary>Local mode (no app id): the Playground and test connectors take unauthenticated calls.</summary>
public sealed class NoTokenProvider : IBotTokenProvider
{
    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);
}
