namespace CoachBot.Teams.Auth;

/// <summary>
/// A token issuer the bot accepts, with where its signing keys come from. <see cref="TenantId"/> is the Entra
/// tenant the issuer belongs to (null for Bot Framework), which the token's <c>tid</c> must match.
/// </summary>
public sealed record TrustedIssuer(string Issuer, bool IsBotFramework, string? TenantId, string MetadataUrl);
