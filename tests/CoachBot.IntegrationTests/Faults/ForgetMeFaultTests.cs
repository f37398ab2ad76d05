using System.Net;
using Azure.Data.Tables;
using CoachBot.Erasure;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.IntegrationTests.Security;
using CoachBot.Storage.Erasure;
using static CoachBot.IntegrationTests.Security.ForgetMeScenario;

namespace CoachBot.IntegrationTests.Faults;

/// <summary>
/// "forget me" when storage fails mid-erase or the process dies mid-erase: the rep is not told "Done" while any of their
/// rows remain, and once storage is back (or a new process runs) the erase job finishes: zero rows, one "Done".
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ForgetMeFaultTests(AzuriteFixture azurite)
{
    private readonly string _tenant = "tenant-erase-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _rep = "aad-erase-" + Guid.NewGuid().ToString("N");
    private readonly string _conversation = "a:erase-" + Guid.NewGuid().ToString("N");
    private readonly string _marker = NewMarker();

    private static Dictionary<string, string?> Settings(string lease) => new()
    {
        ["Erasure:SweepInterval"] = "00:00:01",
        ["Erasure:Lease"] = lease,
        ["Logging:LogLevel:Default"] = "Warning",
    };

    private Task<List<string>> RepRowsAsync() => RowsMentioningAsync(azurite.ConnectionString, _rep, _marker);

    private async Task<bool> JobRecordedAsync()
    {
        var jobs = new TableServiceClient(azurite.ConnectionString).GetTableClient(ErasureStore.TableName);
        await foreach (var _ in jobs.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"TenantId eq {_tenant}"))) return true;
        return false;
    }

    /// <summary>
    /// After "Done": no row names the rep or holds their words. The job row itself turns into a nameless tombstone right
    /// after the proactive "Done" is sent (the send comes first, so a crash in between repeats it rather than loses it).
    /// </summary>
    private async Task AssertErasedAsync()
    {
        Assert.True(await PollAsync(async () => !await JobRecordedAsync(), TimeSpan.FromSeconds(10)), "the job did not become a nameless tombstone");
        var left = await RepRowsAsync();
        Assert.True(left.Count == 0, "rows left after Done:\n" + string.Join("\n", left));
    }

    [Fact]
    public async Task Storage_errors_during_the_erase_hold_back_Done_until_the_worker_has_erased_everything()
    {
        await using var proxy = await TableFaultProxy.StartAsync(azurite.ConnectionString);
        await using var connector = await ConnectorStub.StartAsync();
        await using var app = new BotApp(proxy.ConnectionString, Settings("00:00:10"));
        using var client = app.CreateHttpClient();
        await ReachSharedPlanAsync(client, connector.ServiceUrl, _tenant, _rep, _conversation, _marker);

        proxy.FailDeletes = true;
        await client.PostAsync(SecurityActivities.Message(connector.ServiceUrl, _tenant, _rep, _conversation, "forget me"));
        var confirm = SecurityActivities.Message(connector.ServiceUrl, _tenant, _rep, _conversation, ConfirmText);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(confirm)).StatusCode);

        Assert.True(await WaitForTextAsync(connector, _conversation, RepErasure.InProgressText, TimeSpan.FromSeconds(30)), "the rep was not told the erase is in progress");
        Assert.True(await JobRecordedAsync());
        // A new message meanwhile is not coached (nothing new is stored): the rep hears where the erase stands.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(SecurityActivities.Message(connector.ServiceUrl, _tenant, _rep, _conversation, "are you done?"))).StatusCode);
        Assert.True(await PollAsync(() => Task.FromResult(connector.Replies(_conversation).Count(r => r.Text == RepErasure.InProgressText) >= 2), TimeSpan.FromSeconds(30)));
        // The channel redelivers the confirmation, and the worker retries: storage still refuses, so still no "Done".
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(confirm)).StatusCode);
        var refused = proxy.RefusedDeletes;
        Assert.True(await PollAsync(() => Task.FromResult(proxy.RefusedDeletes >= refused + 4), TimeSpan.FromSeconds(30)), "the worker did not retry the erase");
        Assert.Equal(0, DoneCount(connector, _conversation));
        Assert.NotEmpty(await RepRowsAsync());

        proxy.FailDeletes = false;
        Assert.True(await WaitForTextAsync(connector, _conversation, CoachBot.Coaching.Dialogue.CoachingEngine.ForgottenText, TimeSpan.FromSeconds(30)), "no Done after storage recovered");
        await AssertErasedAsync();
        // Later sweeps and a late redelivery do not confirm again.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(confirm)).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.Equal(1, DoneCount(connector, _conversation));
        Assert.Empty(await RepRowsAsync());
    }

    [Fact]
    public async Task A_process_killed_after_the_erase_job_was_recorded_is_finished_by_the_next_process()
    {
        await using var proxy = await TableFaultProxy.StartAsync(azurite.ConnectionString);
        await using var connector = await ConnectorStub.StartAsync();
        var settings = Settings("00:00:04");
        var confirm = SecurityActivities.Message(connector.ServiceUrl, _tenant, _rep, _conversation, ConfirmText);
        await using (var first = await BotProcess.StartAsync(proxy.ConnectionString, settings))
        {
            using var client = first.CreateHttpClient();
            await ReachSharedPlanAsync(client, connector.ServiceUrl, _tenant, _rep, _conversation, _marker);
            proxy.FailDeletes = true;
            await client.PostAsync(SecurityActivities.Message(connector.ServiceUrl, _tenant, _rep, _conversation, "forget me"));
            var posting = client.PostAsync(confirm);

            Assert.True(await PollAsync(JobRecordedAsync, TimeSpan.FromSeconds(30)), "the erase job was never recorded:\n" + first.Output);
            first.Kill();
            await Assert.ThrowsAnyAsync<Exception>(() => posting);
        }
        Assert.Equal(0, DoneCount(connector, _conversation));
        Assert.NotEmpty(await RepRowsAsync());

        proxy.FailDeletes = false;
        await using var second = await BotProcess.StartAsync(proxy.ConnectionString, settings);
        Assert.True(await WaitForTextAsync(connector, _conversation, CoachBot.Coaching.Dialogue.CoachingEngine.ForgottenText, TimeSpan.FromSeconds(60)),
            "the new process did not finish the erase:\n" + second.Output);
        await AssertErasedAsync();
        using var again = second.CreateHttpClient();
        Assert.Equal(HttpStatusCode.OK, (await again.PostAsync(confirm)).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.Equal(1, DoneCount(connector, _conversation));
        Assert.Empty(await RepRowsAsync());
    }
}
