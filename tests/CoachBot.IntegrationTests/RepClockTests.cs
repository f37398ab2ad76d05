using CoachBot.Coaching;
using CoachBot.Teams.Schema;

namespace CoachBot.IntegrationTests;

/// <summary>The rep's local day (what "by Thursday" is relative to), across daylight-saving changes.</summary>
public sealed class RepClockTests
{
    private static Activity With(string? zone, string? localTimestamp) => new()
    {
        Type = "message",
        LocalTimezone = zone,
        LocalTimestamp = localTimestamp is null ? null : DateTimeOffset.Parse(localTimestamp, System.Globalization.CultureInfo.InvariantCulture),
    };

    [Theory]
    // Berlin is UTC+2 until 01:00 UTC on 25 October 2026, UTC+1 after: 22:30 UTC is past midnight only before the change.
    [InlineData("Europe/Berlin", "2026-10-24T22:30:00Z", "2026-10-25")]
    [InlineData("Europe/Berlin", "2026-10-25T22:30:00Z", "2026-10-25")]
    [InlineData("Europe/Berlin", "2026-10-25T23:30:00Z", "2026-10-26")]
    // New York changes on 1 November 2026: 03:30 UTC is the previous evening (UTC−4 before, UTC−5 after).
    [InlineData("America/New_York", "2026-11-01T03:30:00Z", "2026-10-31")]
    [InlineData("America/New_York", "2026-11-02T04:30:00Z", "2026-11-01")]
    [InlineData("Pacific/Auckland", "2026-11-23T12:00:00Z", "2026-11-24")]
    public void The_reps_time_zone_gives_the_local_day_with_daylight_saving(string zone, string utc, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            RepClock.Today(With(zone, null), DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Without_a_known_zone_the_local_timestamps_offset_is_used() =>
        Assert.Equal(new DateOnly(2026, 11, 23),
            RepClock.Today(With("Not/AZone", "2026-11-23T21:00:00-08:00"), DateTimeOffset.Parse("2026-11-24T05:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Without_either_the_utc_day_is_used() =>
        Assert.Equal(new DateOnly(2026, 11, 24), RepClock.Today(With(null, null), DateTimeOffset.Parse("2026-11-24T05:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
}
