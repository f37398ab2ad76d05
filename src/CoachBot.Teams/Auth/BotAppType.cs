namespace CoachBot.Teams.Auth;

/// <summary>How the bot's identity is registered (the SDK's <c>MicrosoftAppType</c>).</summary>
public enum BotAppType
{
    MultiTenant,
    SingleTenant,
    UserAssignedMsi,
}
