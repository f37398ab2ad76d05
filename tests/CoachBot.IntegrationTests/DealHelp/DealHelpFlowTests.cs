using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CoachBot.DealHelp;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.IntegrationTests.Nudges;
using CoachBot.Leaders;
using CoachBot.Storage.DealHelp;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.IntegrationTests.DealHelp;

/// <summary>
/// Issue 16, item 3, black box through POST /api/messages, the local Graph server (samples/org.json), the Connector stub
/// and Azurite: Diego asks for Maya on a deal → chooses to send it → Maya gets it once as deal help (team selling), even
/// when the click's activity is delivered twice → on her card Maya corrects a deal call to "this was coaching" → the
/// share is computed again, higher, on her card and in her leader's weekly figures.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DealHelpFlowTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Grace = "bd9a5ab7-d79a-530b-8723-0bd9fdfd5972";
    private const string DiegoAddress = "diego.alvarez@contoso-sales.example";
    private NudgeWorld _world = null!;
    private BotApp _app = null!;

    public async Task InitializeAsync()
    {
        _world = await NudgeWorld.StartAsync(azurite.ConnectionString);
        _app = _world.StartApp();
        await _world.InstallAsync(_app, NudgeWorld.Maya);
        await _world.InstallAsync(_app, NudgeWorld.Diego);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task DealHelp_is_sent_only_by_the_rep_reaches_the_manager_once_and_a_corrected_event_changes_the_share()
    {
        // 1. The rep asks in their 1:1 chat: a question back and a card; nothing reaches the manager yet.
        using var client = _app.CreateHttpClient();
        var welcomed = _world.Connector.Replies(NudgeWorld.ConversationOf(NudgeWorld.Diego)).Count;
        (await client.PostAsync(_world.Message(NudgeWorld.Diego, "Can my manager join my call with Contoso on Thursday?"))).EnsureSuccessStatusCode();
        // Text and card go out as two messages (ConnectorClient): the question, then the card.
        var replies = await _world.Connector.WaitForRepliesAsync(NudgeWorld.ConversationOf(NudgeWorld.Diego), welcomed + 2, TimeSpan.FromSeconds(20));
        var question = replies[^2].Text!;
        Assert.Contains("unless you press Send", question, StringComparison.Ordinal);
        Assert.EndsWith("?", question, StringComparison.Ordinal);
        var askCard = NudgeWorld.CardOf(replies[^1]);
        Assert.Contains("Can my manager join my call with Contoso on Thursday?", askCard.GetRawText(), StringComparison.Ordinal);
        Assert.Empty(_world.Cards(NudgeWorld.Maya));

        // 2. Keep to myself: nothing stored, nothing queued.
        var kept = await _world.ClickAsync(_app, NudgeWorld.Diego, Action(askCard, DealHelpCards.Keep), new JsonObject { [DealHelpCards.RequestInput] = "Contoso call Thursday" });
        Assert.Contains("Kept to yourself", NudgeWorld.AllText(kept), StringComparison.Ordinal);
        var requestId = Action(askCard, DealHelpCards.Send).GetProperty("data").GetProperty("req").GetString()!;
        Assert.Null(await _app.Services.GetRequiredService<DealHelpStore>().GetAsync(_world.TenantId, requestId, default));

        // 3. Send, and the same invoke activity delivered a second time: the manager gets it once, as deal help.
        var send = NudgeWorld.Invoke(_world.TenantId, NudgeWorld.Diego, DealHelpCards.Send, Action(askCard, DealHelpCards.Send).GetProperty("data"), _world.Connector.ServiceUrl,
            new JsonObject { [DealHelpCards.RequestInput] = "Can you join my call with Contoso on Thursday at 10?", [DealHelpCards.AskInput] = "Answer their security questions; I'll lead the rest" });
        foreach (var _ in new[] { 1, 2 })
        {
            var response = await client.PostAsJsonAsync("/api/messages", send);
            response.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Contains("Sent to Maya Patel as a request for deal help", NudgeWorld.AllText(body.RootElement.GetProperty("value")), StringComparison.Ordinal);
        }
        await _world.WaitForCardsAsync([NudgeWorld.Maya]);
        var stored = await _app.Services.GetRequiredService<DealHelpStore>().GetAsync(_world.TenantId, requestId, default);
        var sendRecord = await _world.Ledger().GetAsync(_world.TenantId, NudgeWorld.Maya, DealHelpJobs.For(stored!).SendKey, default);
        Assert.True(_world.Cards(NudgeWorld.Maya).Count == 1, $"deal help not delivered exactly once: ledger state={sendRecord?.State}, poison={(await _world.Queue(poison: true).GetPropertiesAsync()).Value.ApproximateMessagesCount} queue={(await _world.Queue().GetPropertiesAsync()).Value.ApproximateMessagesCount} calls={string.Join(",", _world.Connector.Calls.Select(c => c.Method + c.ConversationId + c.Succeeded))}");
        var help = NudgeWorld.CardOf(Assert.Single(_world.Cards(NudgeWorld.Maya)));
        var helpText = NudgeWorld.AllText(help);
        Assert.StartsWith("Deal help (team selling)", helpText, StringComparison.Ordinal);
        Assert.Contains("Answer their security questions", help.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("not a field day", helpText, StringComparison.Ordinal);
        // The rep's chat line stays the rep's: only the card's boxes went.
        Assert.DoesNotContain("Can my manager join", help.GetRawText(), StringComparison.Ordinal);

        // 4. A deal call on Maya's calendar in a free hour of the last days: Diego and a customer.
        var (start, end) = await FreeHourAsync();
        await AddEventAsync(start, end, DiegoAddress, "buyer@fabrikam.example");

        // 5. Maya's nudge counts it as a deal call, not coaching; "How it's counted" lists it with a correction button.
        await _world.RunAsync(_app, NudgeWorld.Maya);
        await _world.WaitForCardsAsync([NudgeWorld.Maya], perManager: 2);
        var nudge = NudgeWorld.CardOf(_world.Cards(NudgeWorld.Maya)[^1]);
        Assert.Matches(@"deal calls [1-9]", NudgeWorld.AllText(nudge));
        var counted = await _world.ClickAsync(_app, NudgeWorld.Maya, Action(nudge, CoachingTimeCard.Events));
        var before = Share(counted);
        var leaderBefore = await LeaderShareAsync(start);
        var correct = EventButton(counted, start, "This was coaching");

        // 6. "This was coaching" (an invoke through /api/messages): stored, counted again, a higher share.
        var corrected = await _world.ClickAsync(_app, NudgeWorld.Maya, correct);
        var text = NudgeWorld.AllText(corrected);
        Assert.Contains("you corrected this", text, StringComparison.Ordinal);
        Assert.True(Share(corrected) > before, $"share {before} → {Share(corrected)}");
        Assert.Equal(CoachBot.Coaching.CoachingTime.EventCorrection.Coaching,
            Assert.Single(await _app.Services.GetRequiredService<EventCorrectionStore>().ListAsync(_world.TenantId, NudgeWorld.Maya, default)).Value);
        // The leader's weekly figure for that week uses the same calculator and the same correction.
        var leaderAfter = await LeaderShareAsync(start);
        Assert.True(leaderAfter > leaderBefore, $"leader share {leaderBefore} → {leaderAfter}");

        // Every card of the flow passes the official parser and schema.
        var results = await CardValidator.ValidateAsync(new Dictionary<string, JsonElement>
        {
            ["ask"] = askCard, ["kept"] = kept, ["help"] = help, ["nudge"] = nudge, ["counted"] = counted, ["corrected"] = corrected,
        });
        Assert.All(results, r => Assert.True(r.Value.Length == 0, $"{r.Key}: {string.Join("; ", r.Value)}"));
    }

    private static JsonElement Action(JsonElement card, string verb) => NudgeWorld.Actions(card).First(a => a.GetProperty("verb").GetString() == verb);

    private static double Share(JsonElement card) =>
        double.Parse(Regex.Match(NudgeWorld.AllText(card), @"([0-9.]+)% of your working time").Groups[1].Value, CultureInfo.InvariantCulture);

    /// <summary>The correction button of the event that starts at <paramref name="start"/> (shown in Maya's zone, New York).</summary>
    private static JsonElement EventButton(JsonElement card, DateTimeOffset start, string title)
    {
        var local = TimeZoneInfo.ConvertTime(start, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        var when = local.ToString("ddd d MMM, HH:mm", CultureInfo.InvariantCulture);
        foreach (var block in card.GetProperty("body").EnumerateArray().Where(b => b.GetProperty("type").GetString() == "Container"))
        {
            if (!NudgeWorld.AllText(block).Contains(when, StringComparison.Ordinal)) continue;
            Assert.Contains("Deal call (team selling)", NudgeWorld.AllText(block), StringComparison.Ordinal);
            Assert.Contains("Diego Alvarez + 1 external", NudgeWorld.AllText(block), StringComparison.Ordinal);
            return NudgeWorld.Actions(block).Single(a => a.GetProperty("title").GetString() == title);
        }
        throw new Xunit.Sdk.XunitException($"No event at {when} on the card.");
    }

    /// <summary>Maya's share for the leader's week that holds <paramref name="day"/> (the week starting the Monday after it).</summary>
    private async Task<double> LeaderShareAsync(DateTimeOffset day)
    {
        var date = DateOnly.FromDateTime(day.UtcDateTime);
        var weekStart = date.AddDays(7 - ((int)date.DayOfWeek + 6) % 7);
        var weeks = await _app.Services.GetRequiredService<LeaderReport>().BuildAsync(weekStart, Grace, default);
        return weeks.Single(w => w.ManagerId == NudgeWorld.Maya).Figures.CoachingSharePercent!.Value;
    }

    /// <summary>A working hour (New York 09:00–16:00) on a recent weekday with nothing on Maya's calendar.</summary>
    private async Task<(DateTimeOffset Start, DateTimeOffset End)> FreeHourAsync()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        using var graph = new HttpClient();
        for (var d = 1; d <= 6; d++)
        {
            var date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-d);
            if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) continue;
            var dayStart = new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), zone.GetUtcOffset(date.ToDateTime(new TimeOnly(12, 0))));
            var url = $"{_world.Graph.BaseUrl}/users/{NudgeWorld.Maya}/calendarView?startDateTime={dayStart.UtcDateTime:O}&endDateTime={dayStart.AddHours(7).UtcDateTime:O}&$top=100";
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("Prefer", "outlook.timezone=\"UTC\"");
            var events = JsonNode.Parse(await (await graph.SendAsync(request)).Content.ReadAsStringAsync())!["value"]!.AsArray()
                .Select(e => (Start: Utc(e!["start"]!), End: Utc(e["end"]!))).ToList();
            for (var h = 0; h < 7; h++)
            {
                var s = dayStart.AddHours(h);
                if (!events.Any(e => e.Start < s.AddHours(1) && e.End > s)) return (s, s.AddHours(1));
            }
        }
        throw new Xunit.Sdk.XunitException("No free hour on Maya's calendar in the last 6 days.");
    }

    private static DateTimeOffset Utc(JsonNode dateTimeZone) =>
        new(DateTime.SpecifyKind(DateTime.Parse(dateTimeZone["dateTime"]!.GetValue<string>(), CultureInfo.InvariantCulture), DateTimeKind.Utc));

    private async Task AddEventAsync(DateTimeOffset start, DateTimeOffset end, params string[] attendees)
    {
        using var graph = new HttpClient();
        var body = new JsonObject
        {
            ["subject"] = "Contoso security review",
            ["start"] = new JsonObject { ["dateTime"] = start.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture), ["timeZone"] = "UTC" },
            ["end"] = new JsonObject { ["dateTime"] = end.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture), ["timeZone"] = "UTC" },
            ["showAs"] = "busy",
            ["attendees"] = new JsonArray([.. attendees.Select(a => (JsonNode)new JsonObject { ["emailAddress"] = new JsonObject { ["address"] = a }, ["type"] = "required" })]),
        };
        (await graph.PostAsJsonAsync($"{_world.Graph.BaseUrl}/users/{NudgeWorld.Maya}/events", body)).EnsureSuccessStatusCode();
    }
}
