using System.ComponentModel.DataAnnotations;
namespace CoachBot.Admin;

/// <summary>The <c>Admin</c> configuration section: the admin endpoints' key and their limits (docs/admin.md).</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>Key callers send in <c>X-Admin-Key</c>; empty = the admin endpoints do not exist (404).</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The key, or null when none is usable. App Service hands an unresolvable Key Vault reference (secret not set yet,
    /// no access) to the app as its literal text, which anyone who read the Bicep could send; that counts as no key.
    /// </summary>
    public string? UsableApiKey() =>
        string.IsNullOrEmpty(ApiKey) || ApiKey.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase) ? null : ApiKey;

    /// <summary>Wrong keys one client address may send per <see cref="FailureWindow"/>; then 429 until the window ends (0 = no limit).</summary>
    [Range(0, int.MaxValue)]
    public int MaxFailuresPerClient { get; set; } = 10;

    /// <summary>Wrong keys from all addresses together per <see cref="FailureWindow"/>; then 429 for everyone until it ends (0 = no limit).</summary>
    [Range(0, int.MaxValue)]
    public int MaxFailures { get; set; } = 100;

    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary><c>run</c> accepts days at most this far from today (UTC), either way.</summary>
    [Range(0, 366)]
    public int DayWindowDays { get; set; } = 7;
}
