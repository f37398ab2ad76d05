using System.ComponentModel.DataAnnotations;
namespace CoachBot.Erasure;

/// <summary>The <c>Erasure</c> configuration section: how "forget me" jobs are retried and how long their tombstones live.</summary>
public sealed class ErasureOptions
{
    public const string Section = "Erasure";

    /// <summary>How often every instance looks for unfinished erase jobs (also once at start).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long the instance working on a job holds it before another may take it over (after a crash).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long the tombstone of a finished erase (hashes and times only) is kept: long enough that a late redelivery of
    /// the confirming activity is recognised instead of being taken for a first message from a new user.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan TombstoneLifetime { get; set; } = TimeSpan.FromDays(1);
}
