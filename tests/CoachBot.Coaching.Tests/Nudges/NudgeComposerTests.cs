using CoachBot.Coaching.CoachingTime;
using CoachBot.Coaching.FieldDays;
using CoachBot.Coaching.Nudges;

namespace CoachBot.Coaching.Tests.Nudges;

public sealed class NudgeComposerTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly DateTimeOffset Monday9 = new(2026, 3, 3, 9, 0, 0, TimeSpan.FromHours(-5));

    private static FieldDaySlot Slot(string rep, int dayOffset, double score = 100) =>
        new(rep, rep + " Name", Monday9.AddDays(dayOffset), Monday9.AddDays(dayOffset).AddHours(4), FieldDayLength.HalfDay, score, SlotConflicts.None, "both free");

    private static NudgeInput Input(
        IReadOnlyList<FieldDaySlot>? slots = null, IReadOnlyList<RepRequest>? requests = null, IReadOnlyList<TopicSignal>? topics = null,
        int team = 8, bool unavailable = false, CoachingTimeWindow? time = null, ThreeSixNoList? list = null) =>
        new(Today, slots ?? [], unavailable, requests ?? [], topics ?? [],
            [.. Enumerable.Range(1, team).Select(i => new TeamMember("r" + i, "Rep " + i, RepTier.Emerging))], time, 50, list);

    [Fact]
    public void Keeps_the_best_slot_per_rep_and_at_most_three()
    {
        var content = NudgeComposer.Compose(Input(slots: [Slot("a", 0), Slot("a", 1), Slot("b", 0), Slot("c", 2), Slot("d", 3), Slot("a", 4)]))!;

        Assert.Equal(["a", "b", "c"], content.Slots.Select(s => s.RepId));
        Assert.Equal(Monday9, content.Slots[0].Start);
        Assert.Equal(2, content.Slots[0].Alternatives.Count);
        Assert.False(content.IsQuiet);
    }

    [Fact]
    public void A_topic_is_shown_only_when_enough_different_reps_raised_it()
    {
        TopicSignal[] topics =
        [
            new("r1", "objection-price"), new("r2", "objection-price"), new("r3", "objection-price"),
            new("r1", "closing"), new("r1", "closing"), new("r2", "closing"), new("r2", "closing"),
        ];

        var content = NudgeComposer.Compose(Input(topics: topics))!;

        var theme = Assert.Single(content.Themes);
        Assert.Equal("objection-price", theme.Topic);
        Assert.Equal(3, theme.RepCount);
        Assert.Contains("drill", theme.Prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void The_theme_minimum_is_configurable()
    {
        var content = NudgeComposer.Compose(Input(topics: [new("r1", "closing"), new("r2", "closing")]), NudgeCompositionOptions.Default with { ThemeMinimumReps = 2 })!;

        Assert.Equal(2, Assert.Single(content.Themes).RepCount);
    }

    [Fact]
    public void A_theme_most_of_the_team_shares_suggests_group_time()
    {
        var content = NudgeComposer.Compose(Input(team: 4, topics: [new("r1", "closing"), new("r2", "closing"), new("r3", "closing")]))!;

        Assert.Contains("group time", Assert.Single(content.Themes).Prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void Requests_are_deduplicated_per_rep_and_kind()
    {
        RepRequest[] requests =
        [
            new("r1", "Dana", RepRequestKind.FieldDay), new("r1", "Dana", RepRequestKind.FieldDay),
            new("r2", "Lee", RepRequestKind.SharedPlan, "Call the CFO", Today.AddDays(2)),
        ];

        var content = NudgeComposer.Compose(Input(requests: requests))!;

        Assert.Equal(2, content.Requests.Count);
        Assert.Equal(RepRequestKind.FieldDay, content.Requests[0].Kind);
    }

    [Fact]
    public void Nothing_new_is_a_quiet_nudge_or_none_as_configured()
    {
        var quiet = NudgeComposer.Compose(Input(topics: [new("r1", "closing")], list: ThreeSixNoList.Create(["Grow renewals"], ["Call two reps"])));
        var none = NudgeComposer.Compose(Input(), NudgeCompositionOptions.Default with { EmptyDay = EmptyNudge.None });

        Assert.True(quiet!.IsQuiet);
        Assert.Empty(quiet.Themes);
        Assert.Equal(["Grow renewals"], quiet.ThreeSixNo.Goals);
        Assert.Null(none);
    }

    [Fact]
    public void A_calendar_outage_is_not_quiet_and_shows_no_slots()
    {
        var content = NudgeComposer.Compose(Input(slots: [Slot("a", 0)], unavailable: true), NudgeCompositionOptions.Default with { EmptyDay = EmptyNudge.None })!;

        Assert.True(content.SlotsUnavailable);
        Assert.Empty(content.Slots);
        Assert.False(content.IsQuiet);
    }

    [Fact]
    public void Coaching_time_is_compared_with_the_target()
    {
        var window = new CoachingTimeWindow(7, Monday9.AddDays(-7), Monday9, 2400, 240, 120, 360, 15, false);

        var content = NudgeComposer.Compose(Input(time: window))!;

        // The line also carries per-class counts and the listed events (a record with an array: compared field by field).
        Assert.Equal((15, 50, false), (content.CoachingTime!.SharePercent, content.CoachingTime.TargetPercent, content.CoachingTime.MeetsTarget));
    }

    [Fact]
    public void The_three_six_no_list_is_trimmed_and_capped()
    {
        var list = ThreeSixNoList.Create(["a", " ", "b", "c", "d"], [.. Enumerable.Range(1, 9).Select(i => "task " + i), new string('x', 200)]);

        Assert.Equal(["a", "b", "c"], list.Goals);
        Assert.Equal(6, list.Tasks.Count);
        Assert.All(list.Tasks, t => Assert.True(t.Length <= ThreeSixNoList.MaxItemLength));
    }
}
