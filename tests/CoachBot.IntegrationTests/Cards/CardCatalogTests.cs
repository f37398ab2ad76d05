using System.Text;
using System.Text.Json;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.Plans;
using CoachBot.Storage.Plans;
using CoachBot.Teams.Cards;

namespace CoachBot.IntegrationTests.Cards;

/// <summary>Every card variant the app can send passes the official parser and schema and stays small.</summary>
public sealed class CardCatalogTests
{
    /// <summary>Teams allows ~100 KB per message; CoachBot keeps each card far below, at 28 KB (the webhook/extension card limit).</summary>
    private const int MaxCardBytes = 28 * 1024;

    public static Dictionary<string, AdaptiveCard> AllCards()
    {
        var plan = new PlanRecord("t", "u", "act-1", "a:conv", "objection-price", "I'll call the CFO by Thursday", new DateOnly(2026, 11, 26), DateTimeOffset.UnixEpoch);
        var longPlan = plan with { Text = new string('w', PlanCardActions.MaxPlanLength) };
        return new()
        {
            ["plan"] = PlanCard.Build(plan),
            ["plan-shared"] = PlanCard.Build(plan with { SharedWithManager = true }),
            ["plan-field-day"] = PlanCard.Build(plan with { FieldDayRequested = true }),
            ["plan-shared-and-field-day"] = PlanCard.Build(plan with { SharedWithManager = true, FieldDayRequested = true }),
            ["plan-longest"] = PlanCard.Build(longPlan),
            ["plan-editor"] = PlanCard.BuildEditor(plan),
        };
    }

    [Fact]
    public async Task Every_card_is_valid_for_the_official_parser_and_schema()
    {
        var cards = AllCards().ToDictionary(c => c.Key, c => c.Value.ToJsonElement());

        var results = await CardValidator.ValidateAsync(cards);

        Assert.Equal(cards.Count, results.Count);
        Assert.All(results, r => Assert.True(r.Value.Length == 0, $"{r.Key}: {string.Join("; ", r.Value)}"));
    }

    [Fact]
    public async Task The_validator_rejects_a_broken_card()
    {
        var broken = JsonDocument.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlok","text":"x"},{"type":"Input.Text"}]}""").RootElement;

        var results = await CardValidator.ValidateAsync(new Dictionary<string, JsonElement> { ["broken"] = broken });

        Assert.Contains(results["broken"], e => e.Contains("TextBlok", StringComparison.Ordinal));
        Assert.Contains(results["broken"], e => e.Contains("unique Id", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_card_is_version_1_5_with_fallback_text_and_small()
    {
        foreach (var (name, card) in AllCards())
        {
            var json = card.ToJson();
            Assert.True(Encoding.UTF8.GetByteCount(json) < MaxCardBytes, $"{name} is {json.Length} bytes");
            Assert.Equal("1.5", card.Version);
            Assert.False(string.IsNullOrEmpty(card.FallbackText), name);
        }
    }

    [Fact]
    public void A_fallback_is_written_with_its_type_so_old_clients_can_use_it()
    {
        using var json = JsonDocument.Parse(AllCards()["plan"].ToJson());

        var fallback = json.RootElement.GetProperty("actions")[0].GetProperty("fallback");

        Assert.Equal("Action.Submit", fallback.GetProperty("type").GetString());
    }

    [Fact]
    public void Every_universal_action_has_a_submit_fallback_with_the_same_verb()
    {
        foreach (var (name, card) in AllCards())
        {
            foreach (var action in card.Actions?.OfType<ActionExecute>() ?? [])
            {
                var fallback = Assert.IsType<ActionSubmit>(action.Fallback);
                Assert.Equal(action.Verb, fallback.Data!.Value.GetProperty("verb").GetString());
            }
        }
    }
}
