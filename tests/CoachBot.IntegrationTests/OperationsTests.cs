using System.Diagnostics.Metrics;
using Azure.Data.Tables;
using CoachBot.Erasure;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.Storage.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.IntegrationTests;

/// <summary>Retention and telemetry, against the real app and Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class OperationsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Retention_deletes_turns_older_than_the_setting_and_keeps_newer_ones()
    {
        await using var connector = await ConnectorStub.StartAsync();
        await using var app = new BotApp(azurite.ConnectionString, new Dictionary<string, string?> { ["Coaching:RetentionDays"] = "30" });
        using var client = app.CreateHttpClient();
        var rep = "aad-" + Guid.NewGuid().ToString("N")[..8];
        var old = TeamsActivities.Message(connector.ServiceUrl, "a:ret", "my deal is stalled", userAad: rep);
        old["timestamp"] = DateTimeOffset.UtcNow.AddDays(-40).ToString("O");
        await client.PostAsync(old);
        await client.PostAsync(TeamsActivities.Message(connector.ServiceUrl, "a:ret", "I sent two emails", userAad: rep));
        var store = new CoachingStore(new TableServiceClient(azurite.ConnectionString));
        Assert.Equal(2, (await store.GetTurnsAsync(TeamsActivities.TenantId, rep, default)).Count);

        var deleted = await app.Services.GetRequiredService<RetentionWorker>().RunOnceAsync(default);

        Assert.True(deleted >= 1);
        var left = Assert.Single(await store.GetTurnsAsync(TeamsActivities.TenantId, rep, default));
        Assert.Equal("I sent two emails", left.RepText);
    }

    [Fact]
    public async Task Turns_are_counted_by_kind_without_personal_tags()
    {
        var seen = new List<(string Instrument, long Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) => { if (instrument.Meter.Name == "CoachBot") l.EnableMeasurementEvents(instrument); };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            lock (seen) seen.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
        });
        listener.Start();
        await using var connector = await ConnectorStub.StartAsync();
        await using var app = new BotApp(azurite.ConnectionString);
        using var client = app.CreateHttpClient();

        await client.PostAsync(TeamsActivities.Message(connector.ServiceUrl, "a:metrics", "help", userAad: "aad-metrics"));

        lock (seen)
        {
            var turn = Assert.Single(seen, m => m.Instrument == "coachbot.turns" && Equals(m.Tags["reply.kind"], "Help"));
            Assert.Equal(["activity.type", "reply.kind"], turn.Tags.Keys.Order());
        }
    }
}
