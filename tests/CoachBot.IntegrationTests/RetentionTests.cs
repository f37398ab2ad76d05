using Azure.Data.Tables;
using CoachBot.Erasure;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.Storage;
using CoachBot.Storage.Delivery;
using CoachBot.Storage.Signals;
using CoachBot.Storage.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.IntegrationTests;

/// <summary>
/// The daily retention run beyond turns, against the real app and Azurite: team signals of days before the retention
/// period go, recent ones stay; a conversation state idle for longer than the period loses the rep's situation and goal
/// text and keeps the rest. Azure sets a row's Timestamp itself, so "idle" is reached by moving the app's clock.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RetentionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Retention_deletes_old_signals_and_nudge_records_and_clears_the_situation_text_of_idle_states()
    {
        var clock = new MovableClock();
        await using var connector = await ConnectorStub.StartAsync();
        await using var app = new BotApp(azurite.ConnectionString, new Dictionary<string, string?> { ["Coaching:RetentionDays"] = "30" },
            s => s.AddSingleton<TimeProvider>(clock));
        using var client = app.CreateHttpClient();
        var tables = new TableServiceClient(azurite.ConnectionString);
        var rep = "aad-" + Guid.NewGuid().ToString("N")[..8];
        var conversation = "a:retention-" + rep;
        await client.PostAsync(TeamsActivities.Message(connector.ServiceUrl, conversation, "What should I do about the Quibblefrost renewal? It has stalled.", userAad: rep));
        await connector.WaitForRepliesAsync(conversation, 1);
        var store = new CoachingStore(tables);
        var before = (await store.GetStateAsync(TeamsActivities.TenantId, rep, conversation, default)).State;
        Assert.NotNull(before.Situation);

        var signals = new TeamSignalStore(tables);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await signals.RecordAsync(new TeamSignal(TeamsActivities.TenantId, today.AddDays(-31), TeamSignal.PlanShared, rep, "old", null, "call the CFO", today, DateTimeOffset.UtcNow), default);
        await signals.RecordAsync(new TeamSignal(TeamsActivities.TenantId, today.AddDays(-29), TeamSignal.PlanShared, rep, "recent", null, "call the CEO", today, DateTimeOffset.UtcNow), default);
        var sends = new CoachBot.Storage.Delivery.SendLedger(tables);
        var manager = "aad-mgr-" + Guid.NewGuid().ToString("N")[..8];
        var oldView = await sends.SaveViewAsync(TeamsActivities.TenantId, manager, today.AddDays(-31), "{\"rep\":\"" + rep + "\"}", DateTimeOffset.UtcNow, default);
        var recentView = await sends.SaveViewAsync(TeamsActivities.TenantId, manager, today.AddDays(-29), "{\"rep\":\"" + rep + "\"}", DateTimeOffset.UtcNow, default);
        // Scheduler marks: one of an old day, one of a recent day, and one written before marks carried their day.
        var oldMark = new DeliveryJob(DeliveryJob.NudgeKind, TeamsActivities.TenantId, manager, today.AddDays(-31));
        var recentMark = new DeliveryJob(DeliveryJob.NudgeKind, TeamsActivities.TenantId, manager, today.AddDays(-29));
        Assert.True(await sends.TryMarkScheduledAsync(oldMark, DateTimeOffset.UtcNow, default));
        Assert.True(await sends.TryMarkScheduledAsync(recentMark, DateTimeOffset.UtcNow, default));
        var ledgerTable = tables.GetTableClient(SendLedger.TableName);
        var undated = new DeliveryJob(DeliveryJob.NudgeKind, TeamsActivities.TenantId, manager, today.AddDays(-40));
        await ledgerTable.AddEntityAsync(new TableEntity(TableKeys.UserPartition(TeamsActivities.TenantId, manager), TableKeys.Join("scheduled", undated.SendKey))
        {
            ["TenantId"] = TeamsActivities.TenantId, ["UserKey"] = manager, ["State"] = "scheduled", ["UpdatedAt"] = DateTimeOffset.UtcNow.AddDays(-40),
        });
        var worker = app.Services.GetRequiredService<RetentionWorker>();

        await worker.RunOnceAsync(default);

        Assert.Empty(await signals.ListAsync(TeamsActivities.TenantId, today.AddDays(-31), default));
        Assert.Equal("recent", Assert.Single(await signals.ListAsync(TeamsActivities.TenantId, today.AddDays(-29), default)).Id);
        Assert.Null(await sends.GetAsync(TeamsActivities.TenantId, manager, oldView.SendKey, default)); // a card snapshot naming the rep
        Assert.NotNull(await sends.GetAsync(TeamsActivities.TenantId, manager, recentView.SendKey, default));
        bool Marked(DeliveryJob j) => ledgerTable.GetEntityIfExists<TableEntity>(TableKeys.UserPartition(TeamsActivities.TenantId, manager), TableKeys.Join("scheduled", j.SendKey)).HasValue;
        Assert.False(Marked(oldMark));
        Assert.False(Marked(undated));
        Assert.True(Marked(recentMark));
        Assert.Equal(before.Situation, (await store.GetStateAsync(TeamsActivities.TenantId, rep, conversation, default)).State.Situation); // not idle yet

        clock.Offset = TimeSpan.FromDays(31);
        await worker.RunOnceAsync(default);

        var after = (await store.GetStateAsync(TeamsActivities.TenantId, rep, conversation, default)).State;
        Assert.Null(after.Situation);
        Assert.Null(after.Goal);
        Assert.Equal(before with { Situation = null, Goal = null }, after, new StateJsonComparer());
    }

    // Not FakeTimeProvider: the app under test needs a clock that keeps running (leases, delays); this one only jumps ahead.
    private sealed class MovableClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
    }

    /// <summary>Records holding lists compare by reference; their stored JSON compares by content.</summary>
    private sealed class StateJsonComparer : IEqualityComparer<CoachBot.Coaching.Dialogue.CoachingState>
    {
        public bool Equals(CoachBot.Coaching.Dialogue.CoachingState? x, CoachBot.Coaching.Dialogue.CoachingState? y) =>
            System.Text.Json.JsonSerializer.Serialize(x) == System.Text.Json.JsonSerializer.Serialize(y);

        public int GetHashCode(CoachBot.Coaching.Dialogue.CoachingState obj) => 0;
    }
}
