using System.ComponentModel.DataAnnotations;

namespace CoachBot.Fleet;

/// <summary>The <c>Fleet</c> configuration section: how an instance tells the others it is alive and what it has sent.</summary>
public sealed class FleetOptions
{
    public const string Section = "Fleet";

    /// <summary>
    /// How often the reply watermark is written when it moved (at most). A process killed after a reply reached Teams but
    /// before its next publish may have that reply sent again by a redelivery: this bounds that window.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:10", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan PublishInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often the instance renews its row and counts the live instances that share the Teams budget.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The instance count assumed while the fleet table cannot be read (storage down) for longer than three heartbeats, if
    /// it is more than the last count seen: a conservative share rather than the whole budget.
    /// </summary>
    [Range(1, 1000)]
    public int FallbackInstances { get; set; } = 2;

    /// <summary>An instance not renewed for this many heartbeats is no longer counted.</summary>
    internal const int LiveForHeartbeats = 3;
}
