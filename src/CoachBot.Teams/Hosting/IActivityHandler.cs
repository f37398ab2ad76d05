namespace CoachBot.Teams.Hosting;

/// <summary>The bot's logic for one turn, like the SDK's IBot. Returns the invoke response for invokes, else null.</summary>
public interface IActivityHandler
{
    Task<InvokeResponse?> OnTurnAsync(ITurnContext turn, CancellationToken ct);
}
