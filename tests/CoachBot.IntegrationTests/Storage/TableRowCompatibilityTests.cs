using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using CoachBot.Coaching.CoachingTime;
using CoachBot.Coaching.Dialogue;
using CoachBot.Coaching.FieldDays;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.Storage;
using CoachBot.Storage.Conversations;
using CoachBot.Storage.DealHelp;
using CoachBot.Storage.Delivery;
using CoachBot.Storage.Erasure;
using CoachBot.Storage.FieldDays;
using CoachBot.Storage.Fleet;
using CoachBot.Storage.Nudges;
using CoachBot.Storage.Plans;
using CoachBot.Storage.Signals;
using CoachBot.Storage.Turns;
using CoachBot.Teams.Auth;
using CoachBot.Teams.Schema;

namespace CoachBot.IntegrationTests.Storage;

/// <summary>
/// Stored data is unchanged by the typed row classes, table by table, against Azurite. Each test writes a row with a raw
/// <see cref="TableEntity"/> exactly as the version before them wrote it (the column set copied from that version's
/// mapping as literal data) and reads it through the store; and writes through the store and reads the raw row back,
/// asserting its exact column set, values and EDM types. Merges (leases, the erasing mark, field-day clicks) are checked
/// to change only their own columns.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableRowCompatibilityTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 9, 30, 15, TimeSpan.Zero);
    private readonly string _tenant = "tenant-compat-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _user = "aad-user-" + Guid.NewGuid().ToString("N")[..8];

    private TableServiceClient Service => new(azurite.ConnectionString);

    private TableClient Table(string name) => new(azurite.ConnectionString, name);

    private string UserPartition => TableKeys.UserPartition(_tenant, _user);

    [Fact]
    public async Task Coaching_turn_state_reference_plan_and_welcome_rows_keep_their_columns()
    {
        var store = new CoachingStore(Service);
        var plans = new PlanStore(Service);
        await store.PingAsync(default); // creates the table

        // The previous version's rows read through the store.
        await Table(CoachingStore.TableName).AddEntityAsync(new TableEntity(UserPartition, TableKeys.Join("turn", "conv-old", "act-old"))
        {
            ["TenantId"] = _tenant, ["UserKey"] = _user, ["ConversationId"] = "conv-old", ["ActivityId"] = "act-old", ["RepAadObjectId"] = _user,
            ["RepTeamsId"] = "29:rep", ["Kind"] = "message", ["Topic"] = "pricing", ["Stage"] = "Goal", ["QuestionId"] = "q-7", ["BotText"] = "What would good look like?",
            ["RepText"] = "They want a discount", ["ReceivedAt"] = At, ["RepliedAt"] = At.AddSeconds(2), ["SendingUntil"] = At.AddSeconds(30),
            ["SendingBy"] = "proc-1", ["SendingSince"] = At.AddSeconds(1),
        });
        var turn = (await store.GetTurnAsync(_tenant, _user, "conv-old", "act-old", default))!;
        Assert.Equal(new TurnRecord(_tenant, _user, "conv-old", "act-old", _user, "29:rep", "message", "pricing", "Goal", "q-7", "What would good look like?",
            "They want a discount", At, At.AddSeconds(2)) { SendingUntil = At.AddSeconds(30), SendingBy = "proc-1", SendingSince = At.AddSeconds(1), ETag = turn.ETag }, turn);
        Assert.NotEqual(default, turn.ETag);

        var stateJson = """{"stage":2,"topic":"pricing","botQuestions":3,"askedQuestionIds":["q-1"],"insistence":0,"dontKnows":0,"seed":0}""";
        await Table(CoachingStore.TableName).AddEntityAsync(new TableEntity(UserPartition, TableKeys.Join("state", "conv-old"))
        {
            ["State"] = stateJson, ["Stage"] = "Goal", ["Topic"] = "pricing", ["Erasing"] = true,
        });
        var state = await store.GetStateAsync(_tenant, _user, "conv-old", default);
        Assert.Equal((CoachingStage.Goal, "pricing", 3, "q-1", true), (state.State.Stage, state.State.Topic, state.State.BotQuestions, Assert.Single(state.State.AskedQuestionIds), state.Erasing));

        await Table(CoachingStore.TableName).AddEntityAsync(new TableEntity(UserPartition, TableKeys.Join("plan", "plan-old"))
        {
            ["TenantId"] = _tenant, ["UserKey"] = _user, ["PlanId"] = "plan-old", ["ConversationId"] = "conv-old", ["Topic"] = "pricing", ["Text"] = "Call the CFO",
            ["Due"] = "2026-11-05", ["CreatedAt"] = At, ["SharedWithManager"] = true, ["FieldDayRequested"] = false, ["Outcome"] = "done", ["OutcomeNote"] = "went well",
        });
        Assert.Equal(new PlanRecord(_tenant, _user, "plan-old", "conv-old", "pricing", "Call the CFO", new DateOnly(2026, 11, 5), At, true, false, "done", "went well"),
            await plans.GetAsync(_tenant, _user, "plan-old", default));

        // The store writes the same columns.
        var newTurn = new TurnRecord(_tenant, _user, "conv-new", "act-new", null, "29:rep", "message", null, "Reality", null, "Tell me more.", "Help", At, null)
        { SendingUntil = At.AddSeconds(20), SendingBy = "proc-2", SendingSince = At };
        var newState = CoachingState.New with { Stage = CoachingStage.Reality, Topic = null, BotQuestions = 1 };
        var reference = StoredConversationReference.Of(_tenant, _user,
            new ConversationReference("https://smba.trafficmanager.net/amer/", "msteams", "conv-new", "personal", _tenant, "29:rep", _user, "Rep", "28:bot", "CoachBot", "en-US"), At);
        var plan = new PlanRecord(_tenant, _user, "act-new", "conv-new", null, "Send the proposal", new DateOnly(2026, 11, 6), At);
        var (saved, _, _) = await store.SaveTurnAsync(newTurn, newState, null, reference, plan, default);
        Assert.Equal(SaveTurnResult.Saved, saved);

        AssertColumns(await RawAsync(CoachingStore.TableName, UserPartition, TableKeys.Join("turn", "conv-new", "act-new")), new()
        {
            ["TenantId"] = _tenant, ["UserKey"] = _user, ["ConversationId"] = "conv-new", ["ActivityId"] = "act-new", ["RepTeamsId"] = "29:rep", ["Kind"] = "message",
            ["Stage"] = "Reality", ["BotText"] = "Tell me more.", ["RepText"] = "Help", ["ReceivedAt"] = At, ["SendingUntil"] = At.AddSeconds(20),
            ["SendingBy"] = "proc-2", ["SendingSince"] = At,
        });
        AssertColumns(await RawAsync(CoachingStore.TableName, UserPartition, TableKeys.Join("state", "conv-new")), new()
        {
            ["Stage"] = "Reality",
            ["State"] = """{"stage":1,"botQuestions":1,"askedQuestionIds":[],"insistence":0,"dontKnows":0,"seed":0,"stageQuestions":0,"dateChoices":[],"languageNoticeGiven":false,"checkInsOff":false,"drillProgress":[],"fieldDayOffered":false}""",
        });
        AssertColumns(await RawAsync(CoachingStore.TableName, UserPartition, TableKeys.Join("ref", "conv-new")), new()
        {
            ["TenantId"] = _tenant, ["UserKey"] = _user, ["UpdatedAt"] = At, ["IsStale"] = false,
            ["Reference"] = $$"""{"serviceUrl":"https://smba.trafficmanager.net/amer/","channelId":"msteams","conversationId":"conv-new","conversationType":"personal","tenantId":"{{_tenant}}","userId":"29:rep","userAadObjectId":"{{_user}}","userName":"Rep","botId":"28:bot","locale":"en-US"}""",
        });
        AssertColumns(await RawAsync(CoachingStore.TableName, UserPartition, TableKeys.Join("plan", "act-new")), new()
        {
            ["TenantId"] = _tenant, ["UserKey"] = _user, ["PlanId"] = "act-new", ["ConversationId"] = "conv-new", ["Text"] = "Send the proposal", ["Due"] = "2026-11-06",
            ["CreatedAt"] = At, ["SharedWithManager"] = false, ["FieldDayRequested"] = false,
        });

        // The lease merges change the lease columns only; giving it back leaves who took it.
        var stored = (await store.GetTurnAsync(_tenant, _user, "conv-new", "act-new", default))!;
        var held = (await store.TryTakeSendingLeaseAsync(stored, "proc-3", At.AddMinutes(1), At.AddMinutes(2), default))!;
        await store.ReleaseSendingLeaseAsync(held, default);
        var released = await RawAsync(CoachingStore.TableName, UserPartition, TableKeys.Join("turn", "conv-new", "act-new"));
        Assert.Equal((TurnRecord.LeaseReleased, "proc-3", At.AddMinutes(1), "Tell me more."),
            (released.GetDateTimeOffset("SendingUntil"), released.GetString("SendingBy"), released.GetDateTimeOffset("SendingSince"), released.GetString("BotText")));
        Assert.Equal(13, Columns(released).Length);

        // The erasing mark is merged beside the state; the welcome row holds its moment.
        await store.MarkErasingAsync(_tenant, _user, default);
        var marked = await RawAsync(CoachingStore.TableName, UserPartition, TableKeys.Join("state", "conv-new"));
        Assert.Equal(["Erasing", "Stage", "State"], Columns(marked));
        Assert.True(marked.GetBoolean("Erasing"));
        Assert.True(await store.TryMarkWelcomedAsync(_tenant, _user, "conv-new", At, default));
        AssertColumns(await RawAsync(CoachingStore.TableName, UserPartition, TableKeys.Join("welcome", "conv-new")), new() { ["At"] = At });
    }

    [Fact]
    public async Task Acknowledged_rows_keep_their_columns_and_the_sweep_merges_its_lease_only()
    {
        var table = new AcknowledgedTurnTable(Service);
        var body = Encoding.UTF8.GetBytes($$$"""{"type":"message","conversation":{"id":"c-1","tenantId":"{{{_tenant}}}"},"from":{"id":"29:rep","aadObjectId":"{{{_user}}}"}}""");
        var caller = new VerifiedCaller("https://api.botframework.com", "app", _tenant);
        var added = await table.AddAsync(body, caller, At, At.AddSeconds(5), default);
        var (pk, rk) = Split(added.Key);
        AssertColumns(await RawAsync(AcknowledgedTurnTable.TableName, pk, rk), new()
        {
            ["TenantId"] = _tenant, ["UserKey"] = _user, ["Chunks"] = 1, ["Caller"] = caller.ToJson(), ["AcknowledgedAt"] = At, ["LeaseUntil"] = At.AddSeconds(5),
            ["Attempts"] = 0, ["Activity0"] = body,
        });

        // A row as the previous version wrote it, the body in two chunks, read by the sweep.
        var oldKey = Guid.NewGuid().ToString("N");
        await Table(AcknowledgedTurnTable.TableName).AddEntityAsync(new TableEntity(pk, oldKey)
        {
            ["TenantId"] = _tenant, ["UserKey"] = _user, ["Chunks"] = 2, ["Caller"] = caller.ToJson(), ["AcknowledgedAt"] = At.AddSeconds(1),
            ["LeaseUntil"] = At.AddSeconds(6), ["Attempts"] = 2, ["Activity0"] = body[..10], ["Activity1"] = body[10..],
        });
        var taken = await table.TakeExpiredAsync(At.AddMinutes(1), At.AddMinutes(3), At, 10, default);
        var old = Assert.Single(taken, t => t.Key == pk + "|" + oldKey);
        Assert.Equal((caller, At.AddSeconds(1), 3), (old.Caller, old.AcknowledgedAt, old.Attempts));
        Assert.Equal(body, old.Activity.ToArray());
        var swept = await RawAsync(AcknowledgedTurnTable.TableName, pk, oldKey);
        Assert.Equal((At.AddMinutes(3), 3, 10), (swept.GetDateTimeOffset("LeaseUntil"), swept.GetInt32("Attempts"), swept.GetBinary("Activity0").Length));
        Assert.Equal(9, Columns(swept).Length);
        await table.RemoveAsync(old, default);
        await table.RemoveAsync(Assert.Single(taken, t => t.Key == added.Key), default);
    }

    [Fact]
    public async Task Followup_rows_keep_their_columns()
    {
        var index = new FollowUpIndex(Service);
        var day = new DateOnly(2031, 3, 4);
        await index.ScheduleAsync(new FollowUpDue(_tenant, _user, "plan-1", day, "Europe/Paris", Sent: false), default);
        AssertColumns(await RawAsync(FollowUpIndex.TableName, "2031-03-04", TableKeys.Join(_tenant, _user, "plan-1")), new()
        {
            ["TenantId"] = _tenant, ["UserKey"] = _user, ["PlanId"] = "plan-1", ["TimeZoneId"] = "Europe/Paris", ["Sent"] = false,
        });

        await Table(FollowUpIndex.TableName).UpsertEntityAsync(new TableEntity("2031-03-04", TableKeys.Join(_tenant, _user, "plan-old"))
        {
            ["TenantId"] = _tenant, ["UserKey"] = _user, ["PlanId"] = "plan-old", ["Sent"] = true,
        });
        var expected = new FollowUpDue(_tenant, _user, "plan-old", day, null, Sent: true);
        Assert.Equal(expected, await index.GetAsync(_tenant, _user, "plan-old", day, default));
        Assert.Contains(expected, await index.ListAsync(day, default));
    }

    [Fact]
    public async Task Signal_rows_keep_their_columns()
    {
        var store = new TeamSignalStore(Service);
        var day = new DateOnly(2031, 3, 5);
        await store.RecordAsync(new TeamSignal(_tenant, day, TeamSignal.PlanShared, _user, "act-1", "pricing", "Call the CFO", new DateOnly(2031, 3, 7), At), default);
        AssertColumns(await RawAsync(TeamSignalStore.TableName, TableKeys.Join(_tenant, "2031-03-05"), TableKeys.Join(TeamSignal.PlanShared, _user, "act-1")), new()
        {
            ["TenantId"] = _tenant, ["Day"] = "2031-03-05", ["Kind"] = TeamSignal.PlanShared, ["UserKey"] = _user, ["Id"] = "act-1", ["Topic"] = "pricing",
            ["SharedPlanText"] = "Call the CFO", ["SharedPlanDue"] = "2031-03-07", ["At"] = At,
        });

        await Table(TeamSignalStore.TableName).UpsertEntityAsync(new TableEntity(TableKeys.Join(_tenant, "2031-03-05"), TableKeys.Join(TeamSignal.TopicRaised, _user, "act-0"))
        {
            ["TenantId"] = _tenant, ["Day"] = "2031-03-05", ["Kind"] = TeamSignal.TopicRaised, ["UserKey"] = _user, ["Id"] = "act-0", ["Topic"] = "objections", ["At"] = At,
        });
        Assert.Contains(new TeamSignal(_tenant, day, TeamSignal.TopicRaised, _user, "act-0", "objections", null, null, At), await store.ListAsync(_tenant, day, default));
    }

    [Fact]
    public async Task Field_day_rows_keep_their_columns_and_each_click_merges_its_own()
    {
        var store = new FieldDayStore(Service);
        var start = new DateTimeOffset(2031, 3, 6, 13, 0, 0, TimeSpan.Zero);
        var fd = new FieldDayRecord(_tenant, "fd-1", "maya", _user, "Diego", start, start.AddHours(4), "event-1", start.AddHours(-16), start.AddHours(-15), start.AddHours(5))
        { ManagerName = "Maya", ManagerTimeZone = "America/New_York" };
        await store.RecordBookingAsync(fd, default);
        var booking = new Dictionary<string, object>
        {
            ["TenantId"] = _tenant, ["FieldDayId"] = "fd-1", ["ManagerId"] = "maya", ["UserKey"] = _user, ["RepName"] = "Diego", ["ManagerName"] = "Maya",
            ["Start"] = start, ["End"] = start.AddHours(4), ["EventId"] = "event-1", ["ManagerPrepAt"] = start.AddHours(-16), ["RepPrepAt"] = start.AddHours(-15),
            ["DebriefAt"] = start.AddHours(5), ["ManagerTimeZone"] = "America/New_York",
        };
        var rk = TableKeys.Join("2031-03-06", "fd-1");
        AssertColumns(await RawAsync(FieldDayStore.TableName, _tenant, rk), booking);

        await store.SetWatchAsync(fd, ["discovery", "closing"], default);
        await store.SetRepShareAsync(fd, "price answers", null, At, default);
        await store.SetDebriefAsync(fd, "sharp openers", "ask twice", null, At.AddDays(1), default);
        await store.SetCancelledAsync(fd, At.AddDays(2), default);
        await store.RecordBookingAsync(fd, default); // a retried Book click keeps every answer
        AssertColumns(await RawAsync(FieldDayStore.TableName, _tenant, rk), new(booking)
        {
            ["Watch"] = "discovery,closing", ["RepFocus"] = "price answers", ["RepCalls"] = "", ["RepSharedAt"] = At, ["RepShares"] = 1,
            ["Reinforce"] = "sharp openers", ["Improve"] = "ask twice", ["ImproveSkill"] = "", ["DebriefedAt"] = At.AddDays(1), ["CancelledAt"] = At.AddDays(2),
        });

        // A row of the previous version, shared before the share count existed.
        await Table(FieldDayStore.TableName).UpsertEntityAsync(new TableEntity(_tenant, TableKeys.Join("2031-03-06", "fd-old"))
        {
            ["TenantId"] = _tenant, ["FieldDayId"] = "fd-old", ["ManagerId"] = "maya", ["UserKey"] = _user, ["RepName"] = "Diego", ["ManagerName"] = "",
            ["Start"] = start, ["End"] = start.AddHours(4), ["EventId"] = "event-old", ["ManagerPrepAt"] = start.AddHours(-16), ["RepPrepAt"] = start.AddHours(-15),
            ["DebriefAt"] = start.AddHours(5), ["RepTimeZone"] = "America/Chicago", ["Watch"] = "objections", ["RepFocus"] = "", ["RepCalls"] = "Contoso at 10",
            ["RepSharedAt"] = At, ["Reinforce"] = "calm", ["Improve"] = "listen", ["ImproveSkill"] = "discovery", ["DebriefedAt"] = At.AddDays(1),
        });
        var read = (await store.GetAsync(_tenant, new DateOnly(2031, 3, 6), "fd-old", default))!;
        Assert.Equal(new FieldDayRecord(_tenant, "fd-old", "maya", _user, "Diego", start, start.AddHours(4), "event-old", start.AddHours(-16), start.AddHours(-15), start.AddHours(5))
        {
            ManagerName = "your manager", RepTimeZone = "America/Chicago", Watch = read.Watch, RepCalls = "Contoso at 10", RepSharedAt = At, RepShares = 1,
            Reinforce = "calm", Improve = "listen", ImproveSkill = "discovery", DebriefedAt = At.AddDays(1),
        }, read);
        Assert.Equal(["objections"], read.Watch);
    }

    [Fact]
    public async Task Deal_help_and_event_correction_rows_keep_their_columns()
    {
        var dealHelp = new DealHelpStore(Service);
        var request = new DealHelpRecord(_tenant, "req-1", _user, "Diego", "maya", "Maya", "Join the Contoso call", null, new DateOnly(2031, 3, 6), At);
        await dealHelp.AddOnceAsync(request, default);
        AssertColumns(await RawAsync(DealHelpStore.TableName, _tenant, "req-1"), new()
        {
            ["TenantId"] = _tenant, ["UserKey"] = _user, ["RepName"] = "Diego", ["ManagerId"] = "maya", ["ManagerName"] = "Maya", ["Request"] = "Join the Contoso call",
            ["Day"] = "2031-03-06", ["SentAt"] = At,
        });
        await Table(DealHelpStore.TableName).AddEntityAsync(new TableEntity(_tenant, "req-old")
        {
            ["TenantId"] = _tenant, ["UserKey"] = _user, ["RepName"] = "Diego", ["ManagerId"] = "maya", ["ManagerName"] = "Maya", ["Request"] = "Price help",
            ["Ask"] = "Can you call their CFO?", ["Day"] = "2031-03-01", ["SentAt"] = At,
        });
        Assert.Equal(new DealHelpRecord(_tenant, "req-old", _user, "Diego", "maya", "Maya", "Price help", "Can you call their CFO?", new DateOnly(2031, 3, 1), At),
            await dealHelp.GetAsync(_tenant, "req-old", default));

        var corrections = new EventCorrectionStore(Service);
        await corrections.SetAsync(_tenant, "maya", "AAMk/event=1", EventCorrection.DealCall, At, default);
        var partition = TableKeys.UserPartition(_tenant, "maya");
        AssertColumns(await RawAsync(EventCorrectionStore.TableName, partition, Sha256("AAMk/event=1")), new()
        {
            ["TenantId"] = _tenant, ["UserKey"] = "maya", ["EventId"] = "AAMk/event=1", ["Correction"] = "DealCall", ["At"] = At,
        });
        await Table(EventCorrectionStore.TableName).UpsertEntityAsync(new TableEntity(partition, Sha256("old-event"))
        {
            ["TenantId"] = _tenant, ["UserKey"] = "maya", ["EventId"] = "old-event", ["Correction"] = "Coaching", ["At"] = At,
        });
        var listed = await corrections.ListAsync(_tenant, "maya", default);
        Assert.Equal([("AAMk/event=1", EventCorrection.DealCall), ("old-event", EventCorrection.Coaching)],
            listed.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value)));
    }

    [Fact]
    public async Task Send_ledger_rows_keep_their_columns()
    {
        var ledger = new SendLedger(Service);
        var job = new DeliveryJob(DeliveryJob.NudgeKind, _tenant, _user, new DateOnly(2031, 3, 6));
        var claim = await ledger.TryClaimAsync(job, "proc-1", At, TimeSpan.FromMinutes(2), default);
        Assert.Equal(ClaimOutcome.Claimed, claim.Outcome);
        var claimed = new Dictionary<string, object>
        {
            ["TenantId"] = _tenant, ["UserKey"] = _user, ["Kind"] = "nudge", ["Day"] = "2031-03-06", ["State"] = SendStates.Sending, ["Attempt"] = 1,
            ["LeaseUntil"] = At.AddMinutes(2), ["Owner"] = "proc-1", ["Uncertain"] = false, ["UpdatedAt"] = At,
        };
        AssertColumns(await RawAsync(SendLedger.TableName, UserPartition, job.SendKey), claimed);

        Assert.True(await ledger.CompleteAsync(claim.Record, SendStates.Sent, "conv-1", "act-1", """{"day":"2031-03-06"}""", At.AddMinutes(1), default));
        AssertColumns(await RawAsync(SendLedger.TableName, UserPartition, job.SendKey), new(claimed)
        {
            ["State"] = SendStates.Sent, ["ConversationId"] = "conv-1", ["ActivityId"] = "act-1", ["ContentJson"] = """{"day":"2031-03-06"}""", ["UpdatedAt"] = At.AddMinutes(1),
        });

        Assert.True(await ledger.TryMarkScheduledAsync(job, At, default));
        // The one deliberate change: scheduler marks now carry their job's day, so retention finds them.
        AssertColumns(await RawAsync(SendLedger.TableName, UserPartition, TableKeys.Join("scheduled", job.SendKey)), new()
        {
            ["TenantId"] = _tenant, ["UserKey"] = _user, ["State"] = "scheduled", ["Day"] = "2031-03-06", ["UpdatedAt"] = At,
        });

        var followUp = new DeliveryJob(DeliveryJob.FollowUpKind, _tenant, _user, new DateOnly(2031, 3, 7), "plan-1");
        await Table(SendLedger.TableName).AddEntityAsync(new TableEntity(UserPartition, followUp.SendKey)
        {
            ["TenantId"] = _tenant, ["UserKey"] = _user, ["Kind"] = "followUp", ["Day"] = "2031-03-07", ["State"] = SendStates.Refused, ["Attempt"] = 2,
            ["LeaseUntil"] = At, ["Owner"] = "proc-9", ["ConversationId"] = "conv-2", ["Uncertain"] = true, ["UpdatedAt"] = At.AddHours(1),
        });
        var read = (await ledger.GetAsync(_tenant, _user, followUp.SendKey, default))!;
        Assert.Equal(new SendRecord(_tenant, _user, followUp.SendKey, SendStates.Refused, 2, At, "proc-9", "conv-2", null, null, true, At.AddHours(1), read.ETag), read);
        Assert.NotEqual(default, read.ETag);
    }

    [Fact]
    public async Task Erasure_rows_keep_their_columns()
    {
        var store = new ErasureStore(Service);
        var reference = new StoredConversationReference(_tenant, _user, "https://smba.trafficmanager.net/amer/", "msteams", "conv-1", "personal", "29:rep", _user,
            null, "28:bot", null, At, IsStale: false);
        var (job, leased) = await store.RecordAsync(_tenant, _user, "act-1", reference, At, TimeSpan.FromMinutes(5), default);
        Assert.True(leased);
        AssertColumns(await RawAsync(ErasureStore.TableName, ErasureStore.KeyOf(_tenant, _user), "job"), new()
        {
            ["State"] = ErasureStates.Pending, ["TenantId"] = _tenant, ["UserKey"] = _user, ["ActivityHash"] = ErasureStore.Hash("act-1"),
            ["Reference"] = $$"""{"tenantId":"{{_tenant}}","userKey":"{{_user}}","serviceUrl":"https://smba.trafficmanager.net/amer/","channelId":"msteams","conversationId":"conv-1","conversationType":"personal","userId":"29:rep","userAadObjectId":"{{_user}}","botId":"28:bot","updatedAt":"2026-11-02T09:30:15+00:00","isStale":false}""",
            ["RequestedAt"] = At, ["LeaseUntil"] = At.AddMinutes(5), ["Attempts"] = 1, ["Confirmed"] = false,
        });

        // A tombstone as the previous version wrote it.
        var other = _user + "-old";
        await Table(ErasureStore.TableName).UpsertEntityAsync(new TableEntity(ErasureStore.KeyOf(_tenant, other), "job")
        {
            ["State"] = ErasureStates.Done, ["ActivityHash"] = "abc", ["RequestedAt"] = At, ["LeaseUntil"] = At.AddMinutes(5), ["Attempts"] = 2,
            ["ErasedAt"] = At.AddMinutes(1), ["ExpiresAt"] = At.AddDays(7), ["Confirmed"] = true,
        });
        var read = (await store.GetAsync(_tenant, other, default))!;
        Assert.Equal(new ErasureJob(ErasureStore.KeyOf(_tenant, other), ErasureStates.Done, null, null, "abc", null, At, At.AddMinutes(5), 2, At.AddMinutes(1), At.AddDays(7), true, read.ETag), read);
        Assert.Equal(reference, (await store.GetAsync(_tenant, _user, default))!.Reference);
    }

    [Fact]
    public async Task Fleet_rows_keep_their_columns()
    {
        var fleet = new FleetTable(Service);
        var id = Guid.NewGuid().ToString("N");
        await fleet.PublishAsync(new FleetMember(id, At, At.AddSeconds(10), At.AddSeconds(5), null) { SentAfter = new HashSet<string>(["aaaaaaaaaaaa"]) }, default);
        AssertColumns(await RawAsync(FleetTable.TableName, "member", id), new()
        {
            ["StartedAt"] = At, ["RenewedAt"] = At.AddSeconds(10), ["SettledBefore"] = At.AddSeconds(5), ["SentAfter"] = "aaaaaaaaaaaa",
        });

        var old = Guid.NewGuid().ToString("N");
        await Table(FleetTable.TableName).UpsertEntityAsync(new TableEntity("member", old)
        {
            ["StartedAt"] = At, ["RenewedAt"] = At.AddSeconds(20), ["SettledBefore"] = At.AddSeconds(15), ["StoppedAt"] = At.AddSeconds(21), ["SentAfter"] = "bbbbbbbbbbbb,cccccccccccc",
        });
        var read = (await fleet.GetAsync(old, default))!;
        Assert.Equal((old, At, At.AddSeconds(20), At.AddSeconds(15), (DateTimeOffset?)At.AddSeconds(21)), (read.Id, read.StartedAt, read.RenewedAt, read.SettledBefore, read.StoppedAt));
        Assert.Equal(["bbbbbbbbbbbb", "cccccccccccc"], read.SentAfter.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Manager_install_and_settings_rows_keep_their_columns()
    {
        var installs = new ManagerInstallStore(Service);
        await installs.RecordAsync(_tenant, "maya", InstallStates.Forbidden, "403 from Graph", At, default);
        AssertColumns(await RawAsync(ManagerInstallStore.TableName, TableKeys.Escape(_tenant), "maya"), new()
        {
            ["TenantId"] = _tenant, ["ManagerId"] = "maya", ["State"] = InstallStates.Forbidden, ["Detail"] = "403 from Graph", ["LastTried"] = At, ["Attempts"] = 1,
        });
        await Table(ManagerInstallStore.TableName).UpsertEntityAsync(new TableEntity(TableKeys.Escape(_tenant), "lee")
        {
            ["TenantId"] = _tenant, ["ManagerId"] = "lee", ["State"] = InstallStates.Installed, ["LastTried"] = At, ["Attempts"] = 3,
        });
        Assert.Equal(new ManagerInstall(_tenant, "lee", InstallStates.Installed, null, At, 3), await installs.GetAsync(_tenant, "lee", default));

        var settings = new ManagerSettingsStore(Service);
        await settings.UpdateAsync(_tenant, "maya", s => s with
        {
            NudgeHour = 8,
            DaysOff = new HashSet<DayOfWeek>([DayOfWeek.Sunday, DayOfWeek.Friday]),
            Tiers = new Dictionary<string, RepTier> { [_user] = RepTier.Developing },
            ThreeSixNo = new([ "Grow renewals" ], [ "Call two customers", "Log notes" ]),
            CoachingTargetPercent = 12.5,
            SignalsSince = new DateOnly(2031, 3, 1),
            TimeZoneId = "Europe/Paris",
        }, default);
        AssertColumns(await RawAsync(ManagerSettingsStore.TableName, TableKeys.UserPartition(_tenant, "maya"), "settings"), new()
        {
            ["TenantId"] = _tenant, ["ManagerId"] = "maya", ["NudgeHour"] = 8, ["DaysOff"] = "Sunday,Friday", ["Tiers"] = $$"""{"{{_user}}":"Developing"}""",
            ["Goals"] = """["Grow renewals"]""", ["Tasks"] = """["Call two customers","Log notes"]""", ["CoachingTargetPercent"] = 12.5,
            ["SignalsSince"] = "2031-03-01", ["TimeZoneId"] = "Europe/Paris",
        });

        await Table(ManagerSettingsStore.TableName).UpsertEntityAsync(new TableEntity(TableKeys.UserPartition(_tenant, "lee"), "settings")
        {
            ["TenantId"] = _tenant, ["ManagerId"] = "lee", ["DaysOff"] = "Saturday", ["FieldDayLength"] = "HalfDay", ["Tiers"] = """{"diego":"Top","x":"Nope"}""",
            ["Goals"] = "[]", ["Tasks"] = """["One task"]""", ["CoachingTargetPercent"] = 20.0, ["SnoozedDay"] = "2031-03-02", ["SignalsSince"] = "2031-03-01",
            ["PreviousSignalsSince"] = "2031-02-20",
        });
        var read = await settings.GetAsync(_tenant, "lee", default);
        Assert.Equal(((int?)null, FieldDayLength.HalfDay, 20.0, new DateOnly(2031, 3, 2), new DateOnly(2031, 3, 1), new DateOnly(2031, 2, 20), (string?)null),
            (read.NudgeHour, read.FieldDayLength, read.CoachingTargetPercent, read.SnoozedDay, read.SignalsSince, read.PreviousSignalsSince, read.TimeZoneId));
        Assert.Equal([DayOfWeek.Saturday], read.DaysOff);
        Assert.Equal([("diego", RepTier.Top)], read.Tiers.Select(t => (t.Key, t.Value)));
        Assert.Equal((0, "One task"), (read.ThreeSixNo.Goals.Count, Assert.Single(read.ThreeSixNo.Tasks)));
    }

    private async Task<TableEntity> RawAsync(string table, string partitionKey, string rowKey) =>
        (await Table(table).GetEntityAsync<TableEntity>(partitionKey, rowKey)).Value;

    private static string[] Columns(TableEntity row) =>
        [.. row.Keys.Where(k => !k.StartsWith("odata.", StringComparison.Ordinal) && k is not ("PartitionKey" or "RowKey" or "Timestamp")).Order(StringComparer.Ordinal)];

    /// <summary>The row holds exactly these columns, each with this value and EDM type (as the SDK reads it back).</summary>
    private static void AssertColumns(TableEntity row, Dictionary<string, object> expected)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), Columns(row));
        foreach (var (name, value) in expected)
        {
            if (value is byte[] bytes)
            {
                Assert.Equal(bytes, row.GetBinary(name));
                continue;
            }
            Assert.True(value.GetType() == row[name].GetType(), $"{name}: stored as {row[name].GetType().Name}, expected {value.GetType().Name}");
            Assert.True(Equals(value, row[name]), $"{name}: stored {row[name]}, expected {value}");
        }
    }

    private static (string, string) Split(string key)
    {
        var at = key.IndexOf('|', StringComparison.Ordinal);
        return (key[..at], key[(at + 1)..]);
    }

    private static string Sha256(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
