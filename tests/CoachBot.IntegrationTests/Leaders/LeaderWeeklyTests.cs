using System.Globalization;
using System.Net;
using System.Text.Json;
using CoachBot.Coaching.Leaders;
using CoachBot.Delivery;
using CoachBot.Graph;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.IntegrationTests.Nudges;
using CoachBot.Leaders;
using CoachBot.Storage.FieldDays;
using CoachBot.Storage.Plans;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.IntegrationTests.Leaders;

/// <summary>
/// The sales leader's weekly card end to end: the local Graph server's <c>/users/{id}/manager</c> names Grace (samples/org.json)
/// as the managers' leader; field days and follow-ups are in Azurite; two instances' schedulers tick at her local start
/// of week and the Connector stub receives one card; the admin CSV gives the same figures behind the admin key.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LeaderWeeklyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    internal const string Grace = "bd9a5ab7-d79a-530b-8723-0bd9fdfd5972";
    private const string Priya = "82ad0119-f4e7-514b-b54a-ee123fc3ed0b";
    private const string RepWords = "Globex keeps stalling on the Zanzibar renewal";
    private const string RepFocus = "My wobbly close on the Quetzal account";
    private const string Reinforce = "Crisp agenda with the Vortigern buyer";

    private NudgeWorld _world = null!;
    private BotApp _app = null!;
    private BotApp _second = null!;

    public async Task InitializeAsync()
    {
        _world = await NudgeWorld.StartAsync(azurite.ConnectionString);
        // Lena Fischer has 4 reps in the sample org: below a threshold of 5, her team shows no figures.
        var overrides = new Dictionary<string, string?> { ["Nudges:ThemeMinimumReps"] = "5" };
        _app = _world.StartApp(overrides);
        _second = _world.StartApp(overrides);
        await _world.InstallAsync(_app, Grace);
        await _world.InstallAsync(_app, NudgeWorld.Diego);
        // The managers too: their nudges, due at the same ticks, are then sent rather than recorded as "not installed" in the
        // shared ledger, where the admin listing of other tests (same day, any tenant) would see them.
        foreach (var manager in NudgeWorld.Managers) await _world.InstallAsync(_app, manager);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Leader_gets_one_weekly_card_of_counts_and_the_csv_has_the_same_figures()
    {
        var week = LeaderFigures.WeekOf(_world.Today);
        var weekStart = new DateTimeOffset(week.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        // The rep talks to CoachBot; the field day holds the rep's shared focus and the manager's debrief words.
        using (var client = _app.CreateHttpClient())
            (await client.PostAsync(_world.Message(NudgeWorld.Diego, RepWords))).EnsureSuccessStatusCode();
        await _world.Connector.WaitForRepliesAsync(NudgeWorld.ConversationOf(NudgeWorld.Diego), 1, TimeSpan.FromSeconds(20));
        var store = _app.Services.GetRequiredService<FieldDayStore>();
        var inWeek = await SeedFieldDayAsync(store, NudgeWorld.Diego, "Diego Alvarez", weekStart.AddDays(-3).AddHours(13));
        await store.SetRepShareAsync(inWeek, RepFocus, "Quetzal at 10", inWeek.Start.AddDays(-1), default);
        await store.SetDebriefAsync(inWeek, Reinforce, "Ask a second question", "discovery", inWeek.End.AddHours(1), default);
        await SeedFieldDayAsync(store, Priya, "Priya Shah", weekStart.AddDays(-20).AddHours(13));
        await _app.Services.GetRequiredService<FollowUpIndex>().ScheduleAsync(
            new FollowUpDue(_world.TenantId, NudgeWorld.Diego, "plan-leader-test", week.AddDays(-2), "Eastern Standard Time", Sent: true), default);

        // Due from the start of Grace's working hours on her local Monday, not a minute before.
        var at = await WeekStartAsync(_app, week);
        var source = _app.Services.GetRequiredService<LeaderSchedule>();
        Assert.DoesNotContain(await source.DueAsync(_world.TenantId, at.AddMinutes(-1), default), j => j.UserKey == Grace);
        Assert.Contains(await source.DueAsync(_world.TenantId, at, default), j => j.UserKey == Grace && j.Day == week);

        // Two instances, repeated ticks that Monday: one card. Still due on the Tuesday (a missed Monday is caught up),
        // where the once-only claim keeps it to that one card.
        await Scheduler(_app).RunDueAsync(at, default);
        await Scheduler(_second).RunDueAsync(at.AddMinutes(1), default);
        await Scheduler(_second).RunDueAsync(at.AddHours(8), default);
        Assert.Contains(await source.DueAsync(_world.TenantId, at.AddDays(1), default), j => j.UserKey == Grace && j.Day == week);
        await _world.WaitForCardsAsync([Grace]);
        await Scheduler(_app).RunDueAsync(at.AddHours(3), default);
        await _world.WaitForCardsAsync([Grace]);
        var card = NudgeWorld.CardOf(Assert.Single(_world.Cards(Grace)));

        var text = NudgeWorld.AllText(card);
        var raw = card.GetRawText();
        Assert.StartsWith(LeaderCard.Title, text, StringComparison.Ordinal);
        var maya = Facts(card, "Maya Patel");
        Assert.Equal("1 held, 1 debriefed", maya["Field days"]);
        Assert.Equal("2 emerging, 0 developing, 0 top", maya["Reps in the field (30 days)"]);
        Assert.Equal("1", maya["Plans followed up"]);
        Assert.Equal("0 held, 0 debriefed", Facts(card, "Oliver Hughes")["Field days"]);
        Assert.Contains("Lena Fischer\n" + LeaderCard.TooFewReps, text, StringComparison.Ordinal);
        // Counts only: no rep's words, no rep's name.
        foreach (var secret in new[] { "Globex", "Zanzibar", "Quetzal", "Vortigern", "second question" })
            Assert.DoesNotContain(secret, raw, StringComparison.OrdinalIgnoreCase);
        foreach (var rep in new[] { "Diego", "Priya", "Tom Becker", "Aisha", "Kevin", "Rachel", "Amelia", "Jonas", "Hannah" })
            Assert.DoesNotContain(rep, raw, StringComparison.Ordinal);
        var results = await CardValidator.ValidateAsync(new Dictionary<string, JsonElement> { ["leader"] = card });
        Assert.All(results, r => Assert.True(r.Value.Length == 0, $"{r.Key}: {string.Join("; ", r.Value)}"));

        // The CSV: the admin key is required; the same figures, one row per manager.
        Assert.Equal(HttpStatusCode.Unauthorized, (await CsvAsync(week, "wrong-key")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await CsvAsync(week.AddDays(1))).StatusCode);
        var csv = await CsvAsync(week);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(LeaderReportCsv.Header, lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToDictionary(r => r[4]);
        Assert.Equal(3, rows.Count);
        var m = rows["Maya Patel"];
        Assert.Equal(new[] { week.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Grace, "Grace Okafor", NudgeWorld.Maya }, m[..4]);
        Assert.Equal(new[] { "ok", "50", "1", "1", "2", "0", "0", "1" }, m[5..6].Concat(m[7..]));
        Assert.StartsWith(m[6] + " %", maya["Coaching time"], StringComparison.Ordinal);
        Assert.StartsWith(rows["Oliver Hughes"][6] + " %", Facts(card, "Oliver Hughes")["Coaching time"], StringComparison.Ordinal);
        Assert.Equal(new[] { "too few reps to show", "", "50", "", "", "", "", "", "" }, rows["Lena Fischer"][5..]);
        var all = string.Join("\n", lines);
        foreach (var secret in new[] { "Globex", "Quetzal", "Vortigern", "Diego", "Priya" })
            Assert.DoesNotContain(secret, all, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Leader_card_missed_all_Monday_goes_out_once_on_the_next_run_that_week()
    {
        var week = LeaderFigures.WeekOf(_world.Today);
        var at = await WeekStartAsync(_app, week);
        // Before the start of Grace's working hours on her Monday: nothing; the key and the instant are checked.
        Assert.Equal(0, await LeaderRunAsync(_app, at.AddMinutes(-1)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await LeaderRunResponseAsync(_app, at, "wrong-key")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await LeaderRunResponseAsync(_app, at.AddDays(-30))).StatusCode);
        // CoachBot was down all Monday: the first run on Tuesday enqueues the week's card; later runs, on either instance, do not.
        Assert.Equal(1, await LeaderRunAsync(_app, at.AddDays(1)));
        Assert.Equal(0, await LeaderRunAsync(_second, at.AddDays(1).AddHours(2)));
        Assert.Equal(0, await LeaderRunAsync(_second, at.AddDays(3)));
        await _world.WaitForCardsAsync([Grace]);
        var card = NudgeWorld.CardOf(Assert.Single(_world.Cards(Grace)));
        Assert.StartsWith(LeaderCard.Title, NudgeWorld.AllText(card), StringComparison.Ordinal);
        var sent = await _world.Ledger().GetAsync(_world.TenantId, Grace, LeaderJobs.For(_world.TenantId, Grace, week).SendKey, default);
        Assert.NotNull(sent);
    }

    /// <summary>The start of Grace's working hours on the week's Monday, her local time, as an instant.</summary>
    internal static async Task<DateTimeOffset> WeekStartAsync(BotApp app, DateOnly week)
    {
        var hours = (await app.Services.GetRequiredService<ICalendarDirectory>().GetMailboxSettingsAsync(Grace)).WorkingHours;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(hours.TimeZoneId);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(week.ToDateTime(hours.Start), zone), TimeSpan.Zero);
    }

    /// <summary>POST /admin/leaders/run?at=…: how many weekly cards it enqueued.</summary>
    internal static async Task<int> LeaderRunAsync(BotApp app, DateTimeOffset at)
    {
        using var response = await LeaderRunResponseAsync(app, at);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("enqueued").GetInt32();
    }

    private static async Task<HttpResponseMessage> LeaderRunResponseAsync(BotApp app, DateTimeOffset at, string key = NudgeWorld.AdminKey)
    {
        using var client = app.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/leaders/run?at=" + Uri.EscapeDataString(at.ToString("O", CultureInfo.InvariantCulture)));
        request.Headers.Add("X-Admin-Key", key);
        return await client.SendAsync(request);
    }

    private async Task<FieldDayRecord> SeedFieldDayAsync(FieldDayStore store, string repId, string repName, DateTimeOffset start)
    {
        var end = start.AddHours(4);
        var record = new FieldDayRecord(_world.TenantId, "fd-" + Guid.NewGuid().ToString("N")[..12], NudgeWorld.Maya, repId, repName, start, end,
            "event-" + repId, start.AddHours(-5), start.AddHours(-5), end);
        await store.RecordBookingAsync(record, default);
        return record;
    }

    /// <summary>The FactSet that follows the manager's name on the card, as title → value.</summary>
    internal static Dictionary<string, string> Facts(JsonElement card, string manager)
    {
        var body = card.GetProperty("body").EnumerateArray().ToList();
        var at = body.FindIndex(e => e.TryGetProperty("text", out var t) && t.GetString() == manager);
        Assert.True(at >= 0, $"no section for {manager}");
        return body[at + 1].GetProperty("facts").EnumerateArray()
            .ToDictionary(f => f.GetProperty("title").GetString()!, f => f.GetProperty("value").GetString()!);
    }

    private async Task<HttpResponseMessage> CsvAsync(DateOnly week, string key = NudgeWorld.AdminKey)
    {
        using var client = _app.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/admin/leaders/report.csv?week={week:yyyy-MM-dd}");
        request.Headers.Add("X-Admin-Key", key);
        return await client.SendAsync(request);
    }

    private static DeliveryScheduler Scheduler(BotApp app) => app.Services.GetRequiredService<DeliveryScheduler>();
}
