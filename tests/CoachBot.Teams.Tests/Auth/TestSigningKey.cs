using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace CoachBot.Teams.Tests.Auth;

/// <summary>An RSA signing key for tests; a few are generated once per run because RSA generation is slow.</summary>
public sealed class TestSigningKey
{
    private static readonly RSA[] Pool = [.. Enumerable.Range(0, 4).Select(_ => RSA.Create(2048))];

    private TestSigningKey(string kid, RSA rsa)
    {
        Kid = kid;
        Key = new RsaSecurityKey(rsa) { KeyId = kid };
        Parameters = rsa.ExportParameters(false);
    }

    public static TestSigningKey A { get; } = new("key-a", Pool[0]);
    public static TestSigningKey B { get; } = new("key-b", Pool[1]);
    public static TestSigningKey Entra { get; } = new("entra-key", Pool[2]);

    /// <summary>Never published by the test server.</summary>
    public static TestSigningKey Stranger { get; } = new("stranger", Pool[3]);

    /// <summary>A different private key that claims another key's kid (a forged signature).</summary>
    public static TestSigningKey Impostor(string kid) => new(kid, Pool[3]);

    public string Kid { get; }
    public RsaSecurityKey Key { get; }
    public RSAParameters Parameters { get; }

    public SigningCredentials Credentials(string algorithm = SecurityAlgorithms.RsaSha256) => new(Key, algorithm);
}
