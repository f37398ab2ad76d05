using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.Nudges;
using CoachBot.Storage.Nudges;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.IntegrationTests.Nudges;

/// <summary>Clicking the nudge card: Book (once, through Graph), Other times, Snooze, Settings and the 3-6-No editor.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class NudgeCardActionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private NudgeWorld _world = null!;
    private BotApp _app = null!;
    private JsonElement _card;

    public async Task InitializeAsync()
    {
        _world = await NudgeWorld.StartAsync(azurite.ConnectionString);
        _app = _world.StartApp();
        await _world.InstallAsync(_app, NudgeWorld.Maya);
        await _world.RunAsync(_app, NudgeWorld.Maya);
        await _world.WaitForCardsAsync([NudgeWorld.Maya]);
        _card = NudgeWorld.CardOf(Assert.Single(_world.Cards(NudgeWorld.Maya)));
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private static JsonElement Action(JsonElement card, string verb, int index = 0) =>
        NudgeWorld.Actions(card).Where(a => a.GetProperty("verb").GetString() == verb).ElementAt(index);

    [Fact]
    public async Task Nudge_the_card_suggests_field_days_for_the_managers_reps()
    {
        var text = NudgeWorld.AllText(_card);

        Assert.Contains("Field days worth booking", text, StringComparison.Ordinal);
        Assert.InRange(NudgeWorld.Actions(_card).Count(a => a.GetProperty("verb").GetString() == NudgeCard.Book), 1, 3);
        Assert.Contains("Coaching time, last 7 days", text, StringComparison.Ordinal);
        Directory.CreateDirectory("nudge-cards");
        await File.WriteAllTextAsync(Path.Combine("nudge-cards", "sent-maya.json"), _card.GetRawText());
    }

    [Fact]
    public async Task Nudge_book_books_once_through_graph_and_the_card_says_booked()
    {
        var book = Action(_card, NudgeCard.Book);

        var refreshed = await _world.ClickAsync(_app, NudgeWorld.Maya, book);
        var again = await _world.ClickAsync(_app, NudgeWorld.Maya, book);

        Assert.Contains("Booked.", NudgeWorld.AllText(refreshed), StringComparison.Ordinal);
        Assert.Contains("Booked.", NudgeWorld.AllText(again), StringComparison.Ordinal);
        Assert.Equal(1, await _world.Graph.EventsCreatedAsync());
        var events = await _world.Graph.EventsAsync(NudgeWorld.Maya);
        Assert.Single(events, e => e!["categories"]!.AsArray().Any(c => c!.GetValue<string>() == "CoachBot field day"));
    }

    [Fact]
    public async Task Nudge_book_failure_says_plainly_it_could_not_book()
    {
        await _world.Graph.ArmAsync("/events", status: 503, method: "POST");

        var refreshed = await _world.ClickAsync(_app, NudgeWorld.Maya, Action(_card, NudgeCard.Book));

        Assert.Contains("couldn't book it", NudgeWorld.AllText(refreshed), StringComparison.Ordinal);
        Assert.Contains(NudgeWorld.Actions(refreshed), a => a.GetProperty("title").GetString() == "Try again");
        Assert.Equal(0, await _world.Graph.EventsCreatedAsync());
    }

    [Fact]
    public async Task Nudge_other_times_lists_bookable_alternatives_and_back_returns()
    {
        var other = await _world.ClickAsync(_app, NudgeWorld.Maya, Action(_card, NudgeCard.OtherTimes));

        Assert.StartsWith("Other times with", NudgeWorld.AllText(other), StringComparison.Ordinal);
        var booked = await _world.ClickAsync(_app, NudgeWorld.Maya, Action(other, NudgeCard.Book));
        Assert.Contains("Booked.", NudgeWorld.AllText(booked), StringComparison.Ordinal);
        Assert.Equal(1, await _world.Graph.EventsCreatedAsync());
    }

    [Fact]
    public async Task Nudge_snooze_today_collapses_the_card_and_is_remembered()
    {
        var snoozed = await _world.ClickAsync(_app, NudgeWorld.Maya, Action(_card, NudgeCard.Snooze));

        Assert.StartsWith("Snoozed for today", NudgeWorld.AllText(snoozed), StringComparison.Ordinal);
        var settings = await _app.Services.GetRequiredService<ManagerSettingsStore>().GetAsync(_world.TenantId, NudgeWorld.Maya, default);
        Assert.Equal(_world.Today, settings.SnoozedDay);
        var back = await _world.ClickAsync(_app, NudgeWorld.Maya, Action(snoozed, NudgeCard.View));
        Assert.Contains("Your coaching day", NudgeWorld.AllText(back), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nudge_settings_are_saved_from_the_card()
    {
        var form = await _world.ClickAsync(_app, NudgeWorld.Maya, Action(_card, NudgeCard.Settings));
        var inputs = new JsonObject
        {
            [NudgeCard.NudgeHourInput] = "7",
            [NudgeCard.DaysOffInput] = "Friday,Saturday,Sunday",
            [NudgeCard.LengthInput] = "FullDay",
            [NudgeCard.TierInputPrefix + "0"] = "Top",
        };

        await _world.ClickAsync(_app, NudgeWorld.Maya, Action(form, NudgeCard.SaveSettings), inputs);

        var settings = await _app.Services.GetRequiredService<ManagerSettingsStore>().GetAsync(_world.TenantId, NudgeWorld.Maya, default);
        Assert.Equal(7, settings.NudgeHour);
        Assert.Equal(3, settings.DaysOff.Count);
        Assert.Equal(Coaching.FieldDays.FieldDayLength.FullDay, settings.FieldDayLength);
        Assert.Contains(Coaching.FieldDays.RepTier.Top, settings.Tiers.Values);
    }

    [Fact]
    public async Task Nudge_the_3_6_no_list_is_edited_from_the_card_and_shown_as_one_line()
    {
        var editor = await _world.ClickAsync(_app, NudgeWorld.Maya, Action(_card, NudgeCard.EditList));
        var inputs = new JsonObject { ["goal0"] = "Grow renewals 10%", ["goal1"] = "Two new logos", ["task0"] = "Ride along with one rep" };

        var refreshed = await _world.ClickAsync(_app, NudgeWorld.Maya, Action(editor, NudgeCard.SaveList), inputs);

        Assert.Contains("3-6-No: Grow renewals 10% · Two new logos | today: Ride along with one rep", NudgeWorld.AllText(refreshed), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nudge_another_user_cannot_act_on_a_managers_card()
    {
        using var client = _app.CreateHttpClient();
        var book = Action(_card, NudgeCard.Book);
        var response = await client.PostAsJsonAsync("/api/messages",
            NudgeWorld.Invoke(_world.TenantId, NudgeWorld.Diego, NudgeCard.Book, book.GetProperty("data"), _world.Connector.ServiceUrl));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal(0, await _world.Graph.EventsCreatedAsync());
    }
}
