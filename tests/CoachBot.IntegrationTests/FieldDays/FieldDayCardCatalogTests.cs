using System.Text;
using CoachBot.DealHelp;
using CoachBot.FieldDays;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.Storage.DealHelp;
using CoachBot.Storage.FieldDays;
using CoachBot.Teams.Cards;

namespace CoachBot.IntegrationTests.FieldDays;

/// <summary>Every field-day card variant, at its fullest, passes the official parser and 1.5 schema and stays small.</summary>
public sealed class FieldDayCardCatalogTests
{
    private const int MaxCardBytes = 28 * 1024;

    public static Dictionary<string, AdaptiveCard> AllCards()
    {
        var longest = new string('w', FieldDayCards.MaxAnswerLength);
        var fd = new FieldDayRecord("t", "4a0c6b1e-0000-4000-8000-000000000001", "maya", "diego", "Diego Alvarez",
            new DateTimeOffset(2026, 12, 1, 13, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 17, 0, 0, TimeSpan.Zero), "ev",
            default, default, default) { ManagerName = "Maya", ManagerTimeZone = "America/New_York", RepTimeZone = "America/Chicago" };
        var full = fd with { Watch = ["discovery", "objections"], RepFocus = longest, RepCalls = longest, RepSharedAt = fd.Start, Reinforce = longest, Improve = longest, ImproveSkill = "discovery", DebriefedAt = fd.End };
        var help = new DealHelpRecord("t", new string('a', 32), "diego", "Diego Alvarez", "maya", "Maya Patel", longest, longest, new DateOnly(2026, 12, 1), fd.Start);
        var prep = new FieldDayPrep([.. Enumerable.Range(0, 20).Select(i => new TopicCount("Topic " + i, i + 1))],
            [.. Enumerable.Range(0, 20).Select(i => new SharedPlanLine(longest, new DateOnly(2026, 12, 1)))]);
        return new()
        {
            ["prep-empty"] = FieldDayCards.BuildPrep(fd, new FieldDayPrep([], [])),
            ["prep-full"] = FieldDayCards.BuildPrep(full, prep),
            ["ask"] = FieldDayCards.BuildAsk(fd),
            ["ask-kept"] = FieldDayCards.BuildAsk(fd, longest, longest, kept: true),
            ["answered"] = FieldDayCards.BuildAnswered(fd, longest, longest),
            ["shared"] = FieldDayCards.BuildShared(full),
            ["debrief"] = FieldDayCards.BuildDebrief(fd),
            ["debrief-error"] = FieldDayCards.BuildDebrief(full, "Add one thing that went well and one thing to improve."),
            ["debriefed"] = FieldDayCards.BuildDebriefed(full),
            // Deal help (team selling) is kept apart from field days, but its cards are checked the same way.
            ["dealhelp-ask"] = DealHelpCards.BuildAsk(new string('a', 32), "can you join my call with Contoso on Thursday?"),
            ["dealhelp-ask-kept-error"] = DealHelpCards.BuildAsk(new string('a', 32), longest, longest, kept: true, error: "I couldn't find your manager in the directory, so nothing was sent."),
            ["dealhelp-sent"] = DealHelpCards.BuildSent(help),
            ["dealhelp-sent-no-ask"] = DealHelpCards.BuildSent(help with { Ask = null }),
            ["dealhelp-manager"] = DealHelpCards.BuildForManager(help),
        };
    }

    [Fact]
    public async Task FieldDayCards_every_variant_is_valid_for_the_official_parser_and_schema()
    {
        var cards = AllCards().ToDictionary(c => c.Key, c => c.Value.ToJsonElement());

        var results = await CardValidator.ValidateAsync(cards);

        Assert.Equal(cards.Count, results.Count);
        Assert.All(results, r => Assert.True(r.Value.Length == 0, $"{r.Key}: {string.Join("; ", r.Value)}"));
    }

    [Fact]
    public void FieldDayCards_are_1_5_small_and_every_button_is_a_universal_action_in_an_action_set_with_a_fallback()
    {
        foreach (var (name, card) in AllCards())
        {
            var json = card.ToJson();
            Assert.True(Encoding.UTF8.GetByteCount(json) < MaxCardBytes, $"{name} is {json.Length} bytes");
            Assert.Equal("1.5", card.Version);
            Assert.False(string.IsNullOrEmpty(card.FallbackText), name);
            Assert.Null(card.Actions);
            foreach (var action in card.Body.OfType<ActionSet>().SelectMany(s => s.Actions))
            {
                var execute = Assert.IsType<ActionExecute>(action);
                var fallback = Assert.IsType<ActionSubmit>(execute.Fallback);
                Assert.Equal(execute.Verb, fallback.Data!.Value.GetProperty("verb").GetString());
            }
        }
    }

    [Fact]
    public void FieldDayCards_show_times_in_the_readers_own_zone()
    {
        var cards = AllCards();

        Assert.Contains("Tue 1 Dec, 08:00–12:00", Nudges.NudgeWorld.AllText(cards["prep-empty"].ToJsonElement()), StringComparison.Ordinal); // Maya, New York
        Assert.Contains("Tue 1 Dec, 07:00–11:00", Nudges.NudgeWorld.AllText(cards["ask"].ToJsonElement()), StringComparison.Ordinal);        // Diego, Chicago
    }
}
