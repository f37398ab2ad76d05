using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoachBot.Coaching.Dialogue;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.IntegrationTests.Nudges;
using CoachBot.Nudges;
using CoachBot.Storage.Delivery;
using CoachBot.Storage.Erasure;
using CoachBot.Storage.Nudges;
using Microsoft.Extensions.DependencyInjection;
using static CoachBot.IntegrationTests.Security.ForgetMeScenario;

namespace CoachBot.IntegrationTests.Security;

/// <summary>
/// "forget me", confirmed, removes every row of that rep in every table — their own partition, signals, follow-ups, the
/// manager's nudge snapshot and the manager's settings — and nobody else's; "Done" comes once, after the erase.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ForgetMeTests(AzuriteFixture azurite) : BotTestBase(azurite)
{
    private readonly string _tenant = "tenant-forget-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Forget_me_confirmed_erases_every_row_of_the_rep_and_only_theirs()
    {
        var rep = "aad-forget-" + Guid.NewGuid().ToString("N");
        var neighbour = "aad-keep-" + Guid.NewGuid().ToString("N");
        var conversation = "a:forget-" + Guid.NewGuid().ToString("N");
        var marker = NewMarker();
        await ReachSharedPlanAsync(Client, Connector.ServiceUrl, _tenant, rep, conversation, marker);
        await ReachSharedPlanAsync(Client, Connector.ServiceUrl, _tenant, neighbour, "a:keep-" + Guid.NewGuid().ToString("N"), NewMarker());
        Assert.NotEmpty(await RowsMentioningAsync(Azurite.ConnectionString, rep, marker));
        var neighbourRows = (await RowsMentioningAsync(Azurite.ConnectionString, neighbour)).Count;

        await Client.PostAsync(SecurityActivities.Message(Connector.ServiceUrl, _tenant, rep, conversation, "forget me"));
        await Client.PostAsync(SecurityActivities.Message(Connector.ServiceUrl, _tenant, rep, conversation, ConfirmText));

        // "Done" is said only after the erase completed: no waiting for rows to go.
        Assert.Equal(1, DoneCount(Connector, conversation));
        var left = await RowsMentioningAsync(Azurite.ConnectionString, rep, marker);
        Assert.True(left.Count == 0, "rows left after forget me:\n" + string.Join("\n", left));
        Assert.Equal(neighbourRows, (await RowsMentioningAsync(Azurite.ConnectionString, neighbour)).Count);
    }

    [Fact]
    public async Task Forget_me_erases_the_rep_from_the_managers_nudge_snapshot_and_settings_and_every_table_has_an_eraser()
    {
        await using var world = await NudgeWorld.StartAsync(Azurite.ConnectionString);
        var app = world.StartApp();
        using var client = app.CreateHttpClient();
        var rep = NudgeWorld.Diego;
        var conversation = NudgeWorld.ConversationOf(rep);
        var marker = NewMarker();
        await world.InstallAsync(app, NudgeWorld.Maya);
        await ReachSharedPlanAsync(client, world.Connector.ServiceUrl, world.TenantId, rep, conversation, marker);
        (await world.RunAsync(app, NudgeWorld.Maya)).EnsureSuccessStatusCode();
        await world.WaitForCardsAsync([NudgeWorld.Maya]);
        var card = NudgeWorld.CardOf(Assert.Single(world.Cards(NudgeWorld.Maya)));
        Assert.True(NudgeWorld.AllText(card).Contains(marker, StringComparison.Ordinal), "the shared plan is not on the card:\n" + NudgeWorld.AllText(card)
            + "\n" + string.Join("\n", world.Connector.Replies(conversation).Select(r => r.Text)));
        // Maya rates her reps in the card's settings: her settings row now holds Diego's id.
        var form = await world.ClickAsync(app, NudgeWorld.Maya, Action(card, NudgeCard.Settings));
        var tiers = new JsonObject { [NudgeCard.DaysOffInput] = "Saturday,Sunday" };
        for (var i = 0; i < 6; i++) tiers[NudgeCard.TierInputPrefix + i] = "Top";
        await world.ClickAsync(app, NudgeWorld.Maya, Action(form, NudgeCard.SaveSettings), tiers);
        var before = await RowsMentioningInTenantAsync(Azurite.ConnectionString, world.TenantId, rep, marker);
        Assert.Contains(before, r => r.StartsWith(SendLedger.TableName + ":", StringComparison.Ordinal));
        Assert.Contains(before, r => r.StartsWith(ManagerSettingsStore.TableName + ":", StringComparison.Ordinal));

        await client.PostAsync(SecurityActivities.Message(world.Connector.ServiceUrl, world.TenantId, rep, conversation, "forget me"));
        var confirm = SecurityActivities.Message(world.Connector.ServiceUrl, world.TenantId, rep, conversation, ConfirmText);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(confirm)).StatusCode);

        Assert.Equal(1, DoneCount(world.Connector, conversation));
        var left = await RowsMentioningInTenantAsync(Azurite.ConnectionString, world.TenantId, rep, marker, "29:" + rep);
        Assert.True(left.Count == 0, "rows left after forget me:\n" + string.Join("\n", left));
        // Every table in storage is claimed by an eraser (the erasures table holds the jobs and their nameless tombstones).
        // The fleet table holds process ids, times and reply watermarks only.
        var covered = app.Services.GetServices<IPersonalDataEraser>().SelectMany(e => e.Tables).Append(ErasureStore.TableName).Append(CoachBot.Storage.Fleet.FleetTable.TableName).ToHashSet();
        Assert.DoesNotContain(await TablesAsync(Azurite.ConnectionString), t => !covered.Contains(t));
        // Maya keeps her own settings; re-opening her card no longer shows Diego's plan.
        var settings = await app.Services.GetRequiredService<ManagerSettingsStore>().GetAsync(world.TenantId, NudgeWorld.Maya, default);
        Assert.Equal(2, settings.DaysOff.Count);
        Assert.DoesNotContain(rep, settings.Tiers.Keys, StringComparer.OrdinalIgnoreCase);
        var view = Action(form, NudgeCard.View);
        var reopened = await client.PostAsJsonAsync("/api/messages", NudgeWorld.Invoke(world.TenantId, NudgeWorld.Maya, NudgeCard.View, view.GetProperty("data"), world.Connector.ServiceUrl));
        var body = await reopened.Content.ReadAsStringAsync();
        Assert.DoesNotContain(marker, body, StringComparison.Ordinal);
        Assert.Contains("no longer available", body, StringComparison.Ordinal);

        // The channel redelivers the confirming activity: no second "Done", no reply at all, no row comes back.
        var replies = world.Connector.Replies(conversation).Count;
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(confirm)).StatusCode);
        Assert.Equal(replies, world.Connector.Replies(conversation).Count);
        Assert.Equal(1, DoneCount(world.Connector, conversation));
        Assert.Empty(await RowsMentioningInTenantAsync(Azurite.ConnectionString, world.TenantId, rep, marker, "29:" + rep));
        // The marker is this rep's own words: it is nowhere, in any tenant.
        Assert.Empty(await RowsMentioningAsync(Azurite.ConnectionString, marker));

        // A new message afterwards is a fresh start, not part of the erase.
        await client.PostAsync(SecurityActivities.Message(world.Connector.ServiceUrl, world.TenantId, rep, conversation, "help"));
        Assert.NotEqual(CoachingEngine.ForgottenText, world.Connector.Replies(conversation)[^1].Text);
    }

    private static System.Text.Json.JsonElement Action(System.Text.Json.JsonElement card, string verb) =>
        NudgeWorld.Actions(card).First(a => a.GetProperty("verb").GetString() == verb);
}
