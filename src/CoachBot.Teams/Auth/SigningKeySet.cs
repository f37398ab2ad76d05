using Microsoft.IdentityModel.Tokens;

namespace CoachBot.Teams.Auth;

/// <summary>
/// One fetch of an issuer's signing keys, by <c>kid</c>, with the JWKS extras the library does not surface:
/// Bot Framework <c>endorsements</c> (channels a key may sign for) and Entra's per-key <c>issuer</c>.
/// </summary>
public sealed record SigningKeySet(
    IReadOnlyDictionary<string, SecurityKey> Keys,
    IReadOnlyDictionary<string, IReadOnlySet<string>> Endorsements,
    IReadOnlyDictionary<string, string> KeyIssuers,
    DateTimeOffset FetchedAt);
