namespace CoachBot.Graph.Installs;

/// <summary>
/// Installs CoachBot's Teams app for a user through Graph (proactive install), so the bot can message someone who never
/// added it. Throws only <see cref="GraphException"/>: AccessDenied (no TeamsAppInstallation.ReadWriteSelfForUser.All
/// consent, or a Teams app permission policy blocks the app), NotFound (no such user or app), Unavailable (try later).
/// </summary>
public interface ITeamsAppInstaller
{
    /// <summary>The org catalog id of the app whose manifest id is <paramref name="externalId"/>; null when it is not in the catalog.</summary>
    Task<string?> FindCatalogAppIdAsync(string externalId, CancellationToken cancellationToken = default);

    /// <summary>Installs the catalog app in the user's personal scope (an existing install is reused) and returns it with its 1:1 chat id.</summary>
    Task<UserAppInstallation> InstallForUserAsync(string userId, string catalogAppId, CancellationToken cancellationToken = default);
}

/// <summary>The app installed for a user: Graph's installation id, the chat between user and bot, and whether it was there before.</summary>
public sealed record UserAppInstallation(string InstallationId, string ChatId, bool AlreadyInstalled);
