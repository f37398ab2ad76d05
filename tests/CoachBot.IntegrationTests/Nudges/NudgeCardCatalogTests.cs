using System.Text;
using CoachBot.Coaching.CoachingTime;
using CoachBot.Coaching.FieldDays;
using CoachBot.DealHelp;
using CoachBot.Coaching.Nudges;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.Nudges;
using CoachBot.Storage.Nudges;
using CoachBot.Teams.Cards;

namespace CoachBot.IntegrationTests.Nudges;

/// <summary>Every nudge card variant passes the official adaptivecards parser and the 1.5 schema, and stays under 28 KB.</summary>
public sealed class NudgeCardCatalogTests
{
    private const int MaxCardBytes = 28 * 1024;
    private static readonly DateOnly Day = new(2026, 11, 25);

    public static NudgeContent Full()
    {
        var start = new DateTimeOffset(2026, 11, 26, 8, 30, 0, TimeSpan.FromHours(-5));
        NudgeSlot Slot(string id, string name, int days) => new(id, name, start.AddDays(days), start.AddDays(days).AddHours(4), FieldDayLength.HalfDay,
            $"both free {start.AddDays(days):ddd d MMM} morning; no field day with {name} on record; {name} is an emerging contributor");
        var slots = new[] { Slot("r1", "Diego Alvarez", 1), Slot("r2", "Priya Shah", 2), Slot("r3", "Tom Becker", 3) }
            .Select((s, i) => s with { Alternatives = [Slot(s.RepId, s.RepName, 5 + i), Slot(s.RepId, s.RepName, 6 + i), Slot(s.RepId, s.RepName, 7 + i)] })
            .ToArray();
        return new NudgeContent
        {
            Day = Day,
            Slots = slots,
            Requests = [new("r4", "Aisha Johnson", RepRequestKind.FieldDay), new("r5", "Kevin O'Neill", RepRequestKind.SharedPlan, new string('p', 500), Day.AddDays(3))],
            Themes = [new("objection-price", 4, "Most of the team is stuck on price objection: worth 30 minutes of group time this week."), new("closing", 3, "Try a short team drill on closing.")],
            CoachingTime = new CoachingTimeLine(18, 50, false),
            ThreeSixNo = ThreeSixNoList.Create([.. Enumerable.Range(1, 3).Select(i => new string('g', 80))], [.. Enumerable.Range(1, 6).Select(i => new string('t', 80))]),
            Team = [.. Enumerable.Range(1, 12).Select(i => new TeamMember("r" + i, "Rep number " + i, RepTier.Emerging))],
        };
    }

    /// <summary>A big team's day: 200 shared plans (each at the plan length limit), 200 field-day asks, 30 themes, 20 slots.</summary>
    public static NudgeContent Crowded()
    {
        var full = Full();
        return full with
        {
            Slots = [.. Enumerable.Range(0, 20).Select(i => full.Slots[0] with { RepId = "s" + i, RepName = "Slot rep " + i, Alternatives = [.. Enumerable.Range(0, 20).Select(_ => full.Slots[1])] })],
            Requests = [.. Enumerable.Range(0, 200).Select(i => new RepRequest("p" + i, "Plan rep " + i, RepRequestKind.SharedPlan, new string('p', 500), Day.AddDays(3))),
                .. Enumerable.Range(0, 200).Select(i => new RepRequest("f" + i, "Asking rep " + i, RepRequestKind.FieldDay))],
            Themes = [.. Enumerable.Range(0, 30).Select(i => new NudgeTheme("objection-price", 40, "Most of the team is stuck on price objection: worth 30 minutes of group time this week."))],
        };
    }

    public static Dictionary<string, AdaptiveCard> AllCards()
    {
        var full = Full();
        var crowded = Crowded();
        var settings = new ManagerSettings { NudgeHour = 8, DaysOff = new HashSet<DayOfWeek> { DayOfWeek.Friday }, FieldDayLength = FieldDayLength.FullDay };
        return new()
        {
            ["nudge-full"] = NudgeCard.Build(full),
            ["nudge-quiet"] = NudgeCard.Build(new NudgeContent { Day = Day, IsQuiet = true, CoachingTime = new CoachingTimeLine(55, 50, true) }),
            ["nudge-calendar-down"] = NudgeCard.Build(full with { Slots = [], SlotsUnavailable = true, CoachingTime = null }),
            ["nudge-booked"] = NudgeCard.Build(full with { Slots = [full.Slots[0] with { BookedEventId = "evt-1" }, .. full.Slots.Skip(1)] }),
            ["nudge-book-failed"] = NudgeCard.Build(full with { Slots = [full.Slots[0] with { BookingError = "I couldn't book it: Outlook didn't answer. Try again in a minute." }, .. full.Slots.Skip(1)] }),
            ["nudge-other-times"] = NudgeCard.BuildOtherTimes(full, 1),
            ["nudge-snoozed"] = NudgeCard.BuildSnoozed(full),
            ["nudge-settings"] = NudgeCard.BuildSettings(full, settings),
            ["nudge-settings-default"] = NudgeCard.BuildSettings(full with { Team = [] }, new ManagerSettings()),
            ["nudge-3-6-no"] = NudgeCard.BuildListEditor(full),
            ["nudge-3-6-no-empty"] = NudgeCard.BuildListEditor(full with { ThreeSixNo = ThreeSixNoList.Empty }),
            ["nudge-crowded"] = NudgeCard.Build(crowded),
            ["nudge-crowded-field-days"] = NudgeCard.BuildFieldDays(crowded),
            ["nudge-crowded-other-times"] = NudgeCard.BuildOtherTimes(crowded, 0),
            ["nudge-coaching-counts"] = NudgeCard.Build(WithCoachingEvents(full)),
            ["coaching-time-events"] = CoachingTimeCard.Build(WithCoachingEvents(full)),
            ["coaching-time-graph-down"] = CoachingTimeCard.Build(WithCoachingEvents(full), "Saved. I couldn't reach your calendar to count again; tomorrow's card will."),
            ["coaching-time-no-events"] = CoachingTimeCard.Build(full with { CoachingTime = new CoachingTimeLine(0, 50, false) { Counts = EventClassCounts.None } }),
            ["coaching-time-unavailable"] = CoachingTimeCard.Build(full with { CoachingTime = null }),
        };
    }

    /// <summary>The coaching-time line at its fullest: every class, corrected events, 12 listed (the most the card lists) with long names.</summary>
    public static NudgeContent WithCoachingEvents(NudgeContent content)
    {
        var start = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(-5));
        var classes = Enum.GetValues<CoachingEventClass>();
        var events = Enumerable.Range(0, 12).Select(i => new CoachingTimeEvent(new string('e', 150) + i, start.AddHours(-i * 5), start.AddHours(-i * 5 + 1),
            classes[i % classes.Length], "Rep number " + i + " with a rather long display name + 3 external", Corrected: i % 4 == 0)).ToList();
        return content with
        {
            CoachingTime = new CoachingTimeLine(18, 50, false) { Counts = new EventClassCounts(2, 1, 4, 1, 3), DealCallMinutes = 270, Events = events },
        };
    }

    [Fact]
    public void Nudge_shows_coaching_time_per_class_and_each_listed_event_has_one_correction_button()
    {
        var nudge = NudgeWorld.AllText(NudgeCard.Build(WithCoachingEvents(Full())).ToJsonElement());
        Assert.Contains("Field days 2 · debriefs 1 · 1:1s 4 · marked by you 1 · deal calls 3 (4.5 h, team selling, not counted)", nudge, StringComparison.Ordinal);

        var card = CoachingTimeCard.Build(WithCoachingEvents(Full())).ToJsonElement();
        var classify = NudgeWorld.Actions(card).Where(a => a.GetProperty("verb").GetString() == CoachingTimeCard.Classify).ToList();
        Assert.Equal(12, classify.Count);
        // Coaching events offer "deal call", the others "coaching"; the data names the event by its place, never its Graph id.
        var events = WithCoachingEvents(Full()).CoachingTime!.Events;
        for (var i = 0; i < events.Count; i++)
        {
            var coaching = events[i].Class is CoachingEventClass.FieldDay or CoachingEventClass.Debrief or CoachingEventClass.OneOnOne or CoachingEventClass.MarkedCoaching;
            Assert.Equal(coaching ? CoachingTimeCard.AsDealCall : CoachingTimeCard.AsCoaching, classify[i].GetProperty("data").GetProperty("as").GetString());
        }
        Assert.All(classify, a => Assert.True(a.GetProperty("data").GetProperty("ev").GetString()!.Length <= 2));
        Assert.Contains("you corrected this", NudgeWorld.AllText(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nudge_every_card_variant_is_valid_for_the_official_parser_and_schema()
    {
        var cards = AllCards().ToDictionary(c => c.Key, c => c.Value.ToJsonElement());

        var results = await CardValidator.ValidateAsync(cards);

        Assert.Equal(cards.Count, results.Count);
        Assert.All(results, r => Assert.True(r.Value.Length == 0, $"{r.Key}: {string.Join("; ", r.Value)}"));
    }

    [Fact]
    public void Nudge_a_crowded_day_shows_the_first_of_each_list_and_counts_the_rest()
    {
        var card = NudgeCard.Build(Crowded());
        var json = card.ToJson();

        Assert.True(Encoding.UTF8.GetByteCount(json) < MaxCardBytes, $"{Encoding.UTF8.GetByteCount(json)} bytes");
        Assert.Contains("and 195 more shared plans", json, StringComparison.Ordinal);
        Assert.Contains("and 190 more", json, StringComparison.Ordinal);
        Assert.Contains("and 25 more themes", json, StringComparison.Ordinal);
        Assert.Contains("and 15 more suggestions", json, StringComparison.Ordinal);
        Assert.Contains("Plan rep 4 shared", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Plan rep 5 shared", json, StringComparison.Ordinal);
        Assert.Contains("Asking rep 9", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Asking rep 10", json, StringComparison.Ordinal);
        // Shown slots keep their snapshot index: the fifth is slot 4, and no button points past it.
        Assert.Contains("\"slot\":\"4\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"slot\":\"5\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Nudge_every_card_variant_is_1_5_small_and_has_fallback_text()
    {
        foreach (var (name, card) in AllCards())
        {
            var bytes = Encoding.UTF8.GetByteCount(card.ToJson());
            Assert.True(bytes < MaxCardBytes, $"{name} is {bytes} bytes");
            Assert.Equal("1.5", card.Version);
            Assert.False(string.IsNullOrWhiteSpace(card.FallbackText), name);
        }
    }

    [Fact]
    public void Nudge_every_universal_action_has_a_submit_fallback_with_the_same_data()
    {
        foreach (var (name, card) in AllCards())
        {
            foreach (var action in NudgeWorld.Actions(card.ToJsonElement()))
            {
                // Note: the shared card model (CoachBot.Teams) writes the fallback without its "type" (declared as ActionSubmit,
                // not the polymorphic CardAction), so only the data is checked here; see docs/nudges.md, "Known gaps".
                var fallback = action.GetProperty("fallback");
                Assert.Equal(action.GetProperty("verb").GetString(), fallback.GetProperty("data").GetProperty("verb").GetString());
                Assert.True(action.GetProperty("data").TryGetProperty("day", out _), name);
            }
        }
    }

    [Fact]
    public void Nudge_the_quiet_card_is_one_line()
    {
        var card = AllCards()["nudge-quiet"];

        var line = Assert.IsType<TextBlock>(Assert.Single(card.Body));
        Assert.StartsWith("Nothing new", line.Text, StringComparison.Ordinal);
    }
}
