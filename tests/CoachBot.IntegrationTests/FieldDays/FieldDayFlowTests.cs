using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoachBot.Coaching.Nudges;
using CoachBot.Delivery;
using CoachBot.FieldDays;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.IntegrationTests.Nudges;
using CoachBot.Nudges;
using CoachBot.Storage.Delivery;
using CoachBot.Storage.FieldDays;
using CoachBot.Storage.Plans;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.IntegrationTests.FieldDays;

/// <summary>
/// A field day end to end through the real HTTP paths, the local Graph server (samples/org.json) and Azurite: Book on
/// the nudge card → Graph event → prep cards at each person's local prep time → the rep shares their focus → debrief
/// submitted as a Universal Action → feedback and the rep's coaching turns → the rep's dated plan.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class FieldDayFlowTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private NudgeWorld _world = null!;
    private BotApp _app = null!;
    private BotApp _second = null!;

    public async Task InitializeAsync()
    {
        _world = await NudgeWorld.StartAsync(azurite.ConnectionString);
        // The admin runs reach the leader's week after a field day up to two weeks ahead.
        var overrides = new Dictionary<string, string?> { ["Admin:DayWindowDays"] = "30" };
        _app = _world.StartApp(overrides);
        _second = _world.StartApp(overrides);
        // Every manager and their leader: the ticks of the flow also find nudges and the leader's weekly card, which are
        // then sent rather than recorded as "not installed" in the shared ledger (other tests list those).
        foreach (var manager in NudgeWorld.Managers) await _world.InstallAsync(_app, manager);
        await _world.InstallAsync(_app, Leaders.LeaderWeeklyTests.Grace);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task FieldDay_booked_prepped_debriefed_and_coached_to_a_plan()
    {
        // The nudge suggests field days; book the first suggestion, whoever the rep is. The rep coached on a price
        // objection before the day: the manager's prep shows the topic, not the words.
        var (slot, rep) = await BookFirstSlotAsync("The buyer at Contoso says we're too expensive and wants a big discount");
        var events = await _world.Graph.EventsAsync(NudgeWorld.Maya);
        Assert.Single(events, e => e!["categories"]!.AsArray().Any(c => c!.GetValue<string>() == "CoachBot field day"));
        var day = DateOnly.FromDateTime(slot.Start.UtcDateTime);
        var fd = Assert.Single(await Store().ListAsync(_world.TenantId, day, day, default));
        Assert.Equal(rep, fd.RepId);

        // Prep at each person's own local time (sample org: Maya 08:30–17:30, reps 08:00–17:00, US zones):
        // the morning of for an afternoon field day, else an hour before the end of the previous working day.
        AssertPrepTime(fd.ManagerPrepAt, fd.Start, fd.ManagerTimeZone!, morning: new TimeOnly(8, 30), evening: new TimeOnly(16, 30));
        AssertPrepTime(fd.RepPrepAt, fd.Start, fd.RepTimeZone!, morning: new TimeOnly(8, 0), evening: new TimeOnly(16, 0));
        Assert.Equal(fd.End, fd.DebriefAt);
        var source = _app.Services.GetRequiredService<FieldDayScheduler>();
        var first = fd.ManagerPrepAt < fd.RepPrepAt ? fd.ManagerPrepAt : fd.RepPrepAt;
        Assert.DoesNotContain(await source.DueAsync(_world.TenantId, first.AddMinutes(-1), default), j => j.PlanId == fd.FieldDayId);
        Assert.Contains(await source.DueAsync(_world.TenantId, first, default), j => j.PlanId == fd.FieldDayId);

        // Both instances' schedulers tick after both prep times: each message goes out once.
        var bothDue = fd.ManagerPrepAt > fd.RepPrepAt ? fd.ManagerPrepAt : fd.RepPrepAt;
        await Scheduler(_app).RunDueAsync(bothDue, default);
        await Scheduler(_second).RunDueAsync(bothDue.AddMinutes(1), default);
        var prep = await WaitForCardAsync(NudgeWorld.Maya, "Field day with");
        var ask = await WaitForCardAsync(rep, "Your field day with");
        // Topic name and count (a FactSet), never the rep's words.
        var prepJson = prep.GetRawText();
        Assert.Contains("""{"title":"Price objection","value":"once"}""", prepJson, StringComparison.Ordinal);
        Assert.DoesNotContain("Contoso", prepJson, StringComparison.Ordinal);
        Assert.Contains("Pick one or two skills to watch", NudgeWorld.AllText(prep), StringComparison.Ordinal);
        Assert.Contains("Maya", NudgeWorld.AllText(ask), StringComparison.Ordinal);

        // The manager picks skills to watch; the rep shares what to watch for.
        var watched = await _world.ClickAsync(_app, NudgeWorld.Maya, Action(prep, FieldDayCards.Watch), new JsonObject { [FieldDayCards.WatchInput] = "discovery,objections" });
        Assert.Contains("You'll watch: Discovery questions and Handling objections.", NudgeWorld.AllText(watched), StringComparison.Ordinal);
        var shared = await _world.ClickAsync(_app, rep, Action(ask, FieldDayCards.Share),
            new JsonObject { [FieldDayCards.FocusInput] = "How I handle the price question", [FieldDayCards.CallsInput] = "Contoso at 10, Fabrikam at 2" });
        Assert.Contains("Shared with Maya.", NudgeWorld.AllText(shared), StringComparison.Ordinal);
        var focus = await WaitForCardAsync(NudgeWorld.Maya, "focus for your field day");
        Assert.Contains("Contoso at 10, Fabrikam at 2", focus.GetRawText(), StringComparison.Ordinal);

        // After the day: the debrief card, submitted as a Universal Action from that very message.
        await Scheduler(_second).RunDueAsync(fd.DebriefAt.AddMinutes(5), default);
        var debrief = await WaitForCardAsync(NudgeWorld.Maya, "How did the field day with");
        var debriefMessage = (await _world.Ledger().GetAsync(_world.TenantId, NudgeWorld.Maya, FieldDayJobs.For(FieldDayJobs.Debrief, fd).SendKey, default))!.ActivityId!;
        var inputs = new JsonObject
        {
            [FieldDayCards.ReinforceInput] = "You opened every call with a sharp question about their process",
            [FieldDayCards.SkillInput] = "discovery",
            [FieldDayCards.ImproveInput] = "Ask a second question before you pitch",
        };
        var submitted = await ClickFromMessageAsync(NudgeWorld.Maya, Action(debrief, FieldDayCards.Debrief), inputs, debriefMessage);
        Assert.Contains("debrief sent", NudgeWorld.AllText(submitted), StringComparison.Ordinal);
        Assert.Contains(_world.Connector.Calls, c => c.Method == "PUT" && c.ReplyToId == debriefMessage
            && NudgeWorld.AllText(NudgeWorld.CardOf(c)).Contains("debrief sent", StringComparison.Ordinal));

        // The rep sees the feedback, then is coached on the improvement until they state a dated plan.
        var feedback = await WaitForTextAsync(rep, "feedback from your field day");
        Assert.Contains("Ask a second question before you pitch", feedback, StringComparison.Ordinal);
        Assert.Contains("type **practice**", feedback, StringComparison.Ordinal);
        Assert.EndsWith("?", feedback.TrimEnd(), StringComparison.Ordinal);
        var before = Replies(rep).Count;
        await ChatAsync(rep, "On the Contoso call I jumped to the demo after their first answer", before + 1);
        await ChatAsync(rep, "I want to understand their real pain before I show anything", before + 2);
        await ChatAsync(rep, "I could prepare three follow-up questions for each call", before + 3);
        var last = Replies(rep)[^1];
        if (!HasCard(last)) await ChatAsync(rep, "I will write three follow-up questions for every call by Friday", before + 4);
        Assert.True(HasCard(Replies(rep)[^1]), "the coaching ended in the plan card");
        var plans = await _app.Services.GetRequiredService<PlanStore>().ListAsync(_world.TenantId, rep, default);
        Assert.Contains(plans, p => p.Topic == "discovery");

        // Exactly once each, across both instances and repeated ticks.
        await Scheduler(_app).RunDueAsync(bothDue.AddMinutes(2), default);
        await Scheduler(_app).RunDueAsync(fd.DebriefAt.AddMinutes(10), default);
        await WaitForQueueEmptyAsync();
        Assert.Single(CardsTitled(NudgeWorld.Maya, "Field day with"));
        Assert.Single(CardsTitled(NudgeWorld.Maya, "How did the field day with"));
        Assert.Single(CardsTitled(rep, "Your field day with"));
        Assert.Single(Replies(rep), r => r.Text?.Contains("feedback from your field day", StringComparison.Ordinal) == true);

        // Every card of the flow passes the official parser and schema.
        var cards = new Dictionary<string, JsonElement>
        {
            ["prep"] = prep, ["watched"] = watched, ["ask"] = ask, ["shared"] = shared, ["focus"] = focus, ["debrief"] = debrief, ["debriefed"] = submitted,
        };
        var results = await CardValidator.ValidateAsync(cards);
        Assert.All(results, r => Assert.True(r.Value.Length == 0, $"{r.Key}: {string.Join("; ", r.Value)}"));
    }

    [Fact]
    public async Task FieldDay_cards_act_only_for_their_own_manager_and_rep_and_keep_stays_private()
    {
        var (_, rep) = await BookFirstSlotAsync();
        var fd = Assert.Single(await Store().ListAsync(_world.TenantId, _world.Today.AddDays(-1), _world.Today.AddDays(30), default));
        // The admin run (the local run's way to see prep without waiting): key required, instant within the window.
        var at = (fd.RepPrepAt > fd.ManagerPrepAt ? fd.RepPrepAt : fd.ManagerPrepAt).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await AdminRunAsync(at, "wrong-key")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await AdminRunAsync("2020-01-01T00:00:00Z")).StatusCode);
        var run = await AdminRunAsync(at);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, run.StatusCode);
        Assert.Equal(2, JsonDocument.Parse(await run.Content.ReadAsStringAsync()).RootElement.GetProperty("enqueued").GetInt32());
        var ask = await WaitForCardAsync(rep, "Your field day with");

        // The manager cannot answer for the rep, another rep cannot debrief.
        var data = Action(ask, FieldDayCards.Share).GetProperty("data");
        Assert.Equal(404, await StatusOfAsync(NudgeWorld.Maya, FieldDayCards.Share, data, new JsonObject { [FieldDayCards.FocusInput] = "x" }));
        Assert.Equal(404, await StatusOfAsync(NudgeWorld.Diego == rep ? NudgeWorld.Oliver : NudgeWorld.Diego, FieldDayCards.Debrief, data,
            new JsonObject { [FieldDayCards.ReinforceInput] = "x", [FieldDayCards.ImproveInput] = "y" }));

        // "Keep to myself": the rep's words come back to the rep only; nothing is stored or sent to the manager.
        var kept = await _world.ClickAsync(_app, rep, Action(ask, FieldDayCards.Keep), new JsonObject { [FieldDayCards.FocusInput] = "My shaky closing" });
        Assert.Contains("Kept to yourself", NudgeWorld.AllText(kept), StringComparison.Ordinal);
        Assert.Contains("My shaky closing", kept.GetRawText(), StringComparison.Ordinal);
        var stored = (await Store().GetAsync(_world.TenantId, fd.Day, fd.FieldDayId, default))!;
        Assert.Null(stored.RepFocus);
        Assert.Null(stored.RepSharedAt);
        Assert.DoesNotContain(await _app.Services.GetRequiredService<FieldDayScheduler>().DueAsync(_world.TenantId, fd.Start.AddMinutes(-1), default),
            j => j.Kind == FieldDayJobs.Shared);
    }

    /// <summary>Maya's nudge, then Book on its first suggested slot; the rep (whoever it is) installed, and first says <paramref name="repWords"/>.</summary>
    private async Task<(NudgeSlot Slot, string Rep)> BookFirstSlotAsync(string? repWords = null)
    {
        await _world.RunAsync(_app, NudgeWorld.Maya);
        await _world.WaitForCardsAsync([NudgeWorld.Maya]);
        var nudge = NudgeWorld.CardOf(Assert.Single(_world.Cards(NudgeWorld.Maya)));
        var slot = (await NudgeSnapshotAsync()).Slots[0];
        await _world.InstallAsync(_app, slot.RepId);
        if (repWords is not null) await ChatAsync(slot.RepId, repWords, Replies(slot.RepId).Count + 1);
        Assert.Contains("Booked.", NudgeWorld.AllText(await _world.ClickAsync(_app, NudgeWorld.Maya, Action(nudge, NudgeCard.Book))), StringComparison.Ordinal);
        return (slot, slot.RepId);
    }

    private FieldDayStore Store() => _app.Services.GetRequiredService<FieldDayStore>();

    private static DeliveryScheduler Scheduler(BotApp app) => app.Services.GetRequiredService<DeliveryScheduler>();

    private async Task<NudgeContent> NudgeSnapshotAsync()
    {
        var record = await _world.Ledger().GetAsync(_world.TenantId, NudgeWorld.Maya, new DeliveryJob(DeliveryJob.NudgeKind, _world.TenantId, NudgeWorld.Maya, _world.Today).SendKey, default);
        var content = JsonSerializer.Deserialize(record!.ContentJson!, DeliveryJson.Default.NudgeContent)!;
        Assert.NotEmpty(content.Slots);
        return content;
    }

    private static void AssertPrepTime(DateTimeOffset prepAt, DateTimeOffset start, string zoneId, TimeOnly morning, TimeOnly evening)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var local = TimeZoneInfo.ConvertTime(prepAt, zone);
        var localStart = TimeZoneInfo.ConvertTime(start, zone);
        Assert.True(prepAt < start, "prep before the field day");
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (localStart.TimeOfDay - morning.ToTimeSpan() >= TimeSpan.FromHours(3))
        {
            Assert.Equal(morning, time);
            Assert.Equal(localStart.Date, local.Date);
        }
        else
        {
            Assert.Equal(evening, time);
            Assert.True(local.Date < localStart.Date);
        }
    }

    private static JsonElement Action(JsonElement card, string verb) =>
        NudgeWorld.Actions(card).First(a => a.GetProperty("verb").GetString() == verb);

    private async Task ChatAsync(string userId, string text, int expectedReplies)
    {
        using var client = _app.CreateHttpClient();
        (await client.PostAsync(_world.Message(userId, text))).EnsureSuccessStatusCode();
        await _world.Connector.WaitForRepliesAsync(NudgeWorld.ConversationOf(userId), expectedReplies, TimeSpan.FromSeconds(20));
    }

    private IReadOnlyList<ConnectorCall> Replies(string userId) => _world.Connector.Replies(NudgeWorld.ConversationOf(userId));

    private static bool HasCard(ConnectorCall c) => c.Body is { } b && b.TryGetProperty("attachments", out var a) && a.GetArrayLength() > 0;

    private List<JsonElement> CardsTitled(string userId, string title) =>
        [.. _world.Cards(userId).Select(NudgeWorld.CardOf).Where(c => NudgeWorld.AllText(c).StartsWith(title, StringComparison.Ordinal)
                                                                     || NudgeWorld.AllText(c).Split('\n')[0].Contains(title, StringComparison.Ordinal))];

    private async Task<JsonElement> WaitForCardAsync(string userId, string title)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (CardsTitled(userId, title) is [var card, ..]) return card;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"No card titled '{title}' reached {userId}.");
    }

    private async Task<string> WaitForTextAsync(string userId, string contains)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (Replies(userId).Select(r => r.Text).FirstOrDefault(t => t?.Contains(contains, StringComparison.Ordinal) == true) is { } text) return text;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"No message with '{contains}' reached {userId}.");
    }

    private async Task WaitForQueueEmptyAsync()
    {
        var queue = _world.Queue();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline && (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount > 0) await Task.Delay(100);
        // Jobs received but not yet finished are invisible to the count: one more idle round of the workers.
        await Task.Delay(1000);
    }

    private async Task<JsonElement> ClickFromMessageAsync(string userId, JsonElement action, JsonObject inputs, string messageId)
    {
        var invoke = NudgeWorld.Invoke(_world.TenantId, userId, action.GetProperty("verb").GetString()!, action.GetProperty("data"), _world.Connector.ServiceUrl, inputs);
        invoke["replyToId"] = messageId;
        using var client = _app.CreateHttpClient();
        var response = await client.PostAsJsonAsync("/api/messages", invoke);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(200, body.RootElement.GetProperty("statusCode").GetInt32());
        return body.RootElement.GetProperty("value").Clone();
    }

    private async Task<HttpResponseMessage> AdminRunAsync(string at, string key = NudgeWorld.AdminKey)
    {
        using var client = _app.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/fielddays/run?at=" + Uri.EscapeDataString(at));
        request.Headers.Add("X-Admin-Key", key);
        return await client.SendAsync(request);
    }

    private async Task<int> StatusOfAsync(string userId, string verb, JsonElement data, JsonObject inputs)
    {
        using var client = _app.CreateHttpClient();
        var response = await client.PostAsJsonAsync("/api/messages", NudgeWorld.Invoke(_world.TenantId, userId, verb, data, _world.Connector.ServiceUrl, inputs));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("statusCode").GetInt32();
    }
}
