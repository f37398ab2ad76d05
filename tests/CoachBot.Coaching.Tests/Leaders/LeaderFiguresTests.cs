using CoachBot.Coaching.FieldDays;
using CoachBot.Coaching.Leaders;

namespace CoachBot.Coaching.Tests.Leaders;

public class LeaderFiguresTests
{
    // The report for the week starting Monday 7 Dec 2026 covers Mon 30 Nov 00:00 UTC .. Mon 7 Dec 00:00 UTC.
    private static readonly DateOnly Week = new(2026, 12, 7);

    private static readonly Dictionary<string, RepTier> Team = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ana"] = RepTier.Emerging, ["ben"] = RepTier.Emerging, ["cy"] = RepTier.Developing, ["dee"] = RepTier.Top,
    };

    private static DateTimeOffset Utc(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.Zero);

    private static HeldFieldDay Day(string rep, int month, int day, bool debriefed = false) => new(rep, Utc(month, day, 9), Utc(month, day, 17), debriefed);

    [Fact]
    public void Counts_the_weeks_field_days_the_reps_in_the_field_by_tier_and_the_teams_follow_ups()
    {
        var input = new ManagerWeekInput(
            Team,
            [
                Day("ana", 12, 1, debriefed: true),   // in the week, debriefed
                Day("CY", 12, 4),                     // in the week (id in another case), not debriefed
                Day("ben", 11, 20),                   // before the week, inside 30 days
                Day("ana", 11, 10),                   // ana again: counted once
                Day("dee", 11, 2),                    // more than 30 days before the week start
                Day("ben", 12, 8),                    // after the week: not yet held
                Day("gone", 12, 2),                   // a rep who left the team: a field day held, not a rep in the field
            ],
            ["ana", "ben", "ben", "stranger"],
            37.46);

        var f = LeaderFigures.Compute(input, Week, targetPercent: 50, minimumReps: 3);

        Assert.False(f.TooFewReps);
        Assert.Equal(3, f.FieldDaysHeld);
        Assert.Equal(1, f.FieldDaysDebriefed);
        Assert.Equal(2, f.EmergingRepsInField);
        Assert.Equal(1, f.DevelopingRepsInField);
        Assert.Equal(0, f.TopRepsInField);
        Assert.Equal(3, f.RepsInField);
        Assert.Equal(3, f.PlansFollowedUp);
        Assert.Equal(37.46, f.CoachingSharePercent);
        Assert.False(f.MeetsTarget);
    }

    [Fact]
    public void A_field_day_ending_exactly_at_the_week_start_belongs_to_the_week_before_the_start()
    {
        var atBoundary = new HeldFieldDay("ana", Utc(12, 6, 16), Utc(12, 7, 0), true);
        var justAfter = new HeldFieldDay("ben", Utc(12, 6, 16), Utc(12, 7, 0).AddTicks(1), true);
        var f = LeaderFigures.Compute(new ManagerWeekInput(Team, [atBoundary, justAfter], [], 50), Week, 50, 3);
        Assert.Equal(1, f.FieldDaysHeld);
        Assert.True(f.MeetsTarget);
    }

    [Theory]
    [InlineData(4, 5, true)]
    [InlineData(4, 4, false)]
    [InlineData(4, 0, false)]
    public void A_team_below_the_privacy_threshold_gets_no_figures_at_all(int teamSize, int minimum, bool hidden)
    {
        var team = Team.Take(teamSize).ToDictionary(p => p.Key, p => p.Value);
        var f = LeaderFigures.Compute(new ManagerWeekInput(team, [Day("ana", 12, 1, true)], ["ana"], 80), Week, 50, minimum);
        Assert.Equal(hidden, f.TooFewReps);
        if (hidden)
        {
            Assert.Null(f.CoachingSharePercent);
            Assert.Null(f.FieldDaysHeld);
            Assert.Null(f.FieldDaysDebriefed);
            Assert.Null(f.EmergingRepsInField);
            Assert.Null(f.RepsInField);
            Assert.Null(f.PlansFollowedUp);
            Assert.Null(f.MeetsTarget);
        }
        else
        {
            Assert.Equal(1, f.FieldDaysHeld);
            Assert.Equal(1, f.PlansFollowedUp);
        }
    }

    [Fact]
    public void An_empty_team_is_below_any_threshold()
    {
        var f = LeaderFigures.Compute(new ManagerWeekInput(new Dictionary<string, RepTier>(), [], [], null), Week, 50, 0);
        Assert.True(f.TooFewReps);
    }

    [Theory]
    [InlineData("2026-12-07", "2026-12-07")]
    [InlineData("2026-12-09", "2026-12-07")]
    [InlineData("2026-12-13", "2026-12-07")]
    [InlineData("2026-12-14", "2026-12-14")]
    public void The_week_of_a_day_is_its_Monday(string day, string monday) =>
        Assert.Equal(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture), LeaderFigures.WeekOf(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
}
