using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using CoachBot.Coaching;
using CoachBot.IntegrationTests.Infrastructure;
using CoachBot.Storage;
using CoachBot.Storage.Turns;

namespace CoachBot.IntegrationTests;

/// <summary>The real app over loopback HTTP, a real Azurite, and a local Connector at the activity's serviceUrl.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class MessagesEndpointTests(AzuriteFixture azurite) : BotTestBase(azurite)
{
    private readonly string _conversation = "a:" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_rep_asking_for_help_gets_a_counter_question_as_a_reply_and_the_turn_is_stored()
    {
        var activity = TeamsActivities.Message(Connector.ServiceUrl, _conversation, "The buyer says we're too expensive, what do I do?");

        var response = await Client.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(Connector.Replies(_conversation));
        Assert.Equal(activity["id"]!.GetValue<string>(), reply.ReplyToId);
        Assert.EndsWith("?", reply.Text, StringComparison.Ordinal);
        Assert.True(CoachBot.Coaching.Dialogue.AnswerGuard.IsCoachingSafe(reply.Text!), reply.Text);

        var table = new TableClient(Azurite.ConnectionString, CoachingStore.TableName);
        var pk = TableKeys.UserPartition(TeamsActivities.TenantId, "aad-rep-1");
        var turn = (await table.GetEntityAsync<TableEntity>(pk, TableKeys.Join("turn", _conversation, activity["id"]!.GetValue<string>()))).Value;
        Assert.Equal("aad-rep-1", turn.GetString("RepAadObjectId"));
        Assert.Equal("29:aad-rep-1", turn.GetString("RepTeamsId"));
        Assert.Equal(_conversation, turn.GetString("ConversationId"));
        Assert.Equal("objection-price", turn.GetString("Topic"));
        Assert.Equal("Reality", turn.GetString("Stage"));
        Assert.Equal(reply.Text, turn.GetString("BotText"));
        Assert.NotNull(turn.GetDateTimeOffset("ReceivedAt"));
        // Answered without a write of its own: this process's published reply watermark covers the turn's lease.
        var stored = await new CoachingStore(new TableServiceClient(Azurite.ConnectionString)).GetTurnAsync(TeamsActivities.TenantId, "aad-rep-1", _conversation, activity["id"]!.GetValue<string>(), default);
        Assert.Null(stored!.RepliedAt);
        Assert.True(await Faults.DeliveryAudit.IsAnsweredAsync(Azurite.ConnectionString, stored));

        var reference = (await table.GetEntityAsync<TableEntity>(pk, TableKeys.Join("ref", _conversation))).Value;
        var conversation = JsonNode.Parse(reference.GetString("Reference"))!; // the ConversationReference, one JSON column
        Assert.Equal(Connector.ServiceUrl, conversation["serviceUrl"]!.GetValue<string>());
        Assert.Equal(TeamsActivities.TenantId, reference.GetString("TenantId"));
        Assert.Equal("29:aad-rep-1", conversation["userId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_duplicate_delivery_gets_no_second_reply_and_no_second_turn()
    {
        var activity = TeamsActivities.Message(Connector.ServiceUrl, _conversation, "My deal went quiet after the demo", userAad: "aad-dup");

        var first = await Client.PostAsync(activity);
        var second = await Client.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(Connector.Replies(_conversation));
        var store = new CoachingStore(Tables);
        Assert.Single(await store.GetTurnsAsync(TeamsActivities.TenantId, "aad-dup", default));
    }

    [Fact]
    public async Task A_redelivery_after_a_failed_reply_sends_the_stored_reply_once()
    {
        // The turn is held within the request (as it is unless it outlives Bot:AcknowledgeAfter), so its failure reaches the channel.
        await using var app = new BotApp(Azurite.ConnectionString, new Dictionary<string, string?> { ["Bot:AcknowledgeAfter"] = "00:00:14" });
        using var client = app.CreateHttpClient();
        // The Connector fails for good on the first delivery (5 x 503 exhausts the retries)...
        Connector.FailNext(HttpStatusCode.ServiceUnavailable, 5);
        var activity = TeamsActivities.Message(Connector.ServiceUrl, _conversation, "I'm going to miss quota", userAad: "aad-redeliver");
        var first = await client.PostAsync(activity);
        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Empty(Connector.Replies(_conversation));

        // ...so the channel redelivers: the stored answer goes out once, and a third delivery is silent.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(activity)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(activity)).StatusCode);
        var reply = Assert.Single(Connector.Replies(_conversation));
        // The stored question, in the rep's own terms (issue 13).
        Assert.Contains("quota", reply.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_429_from_the_Connector_is_retried()
    {
        Connector.FailNext(HttpStatusCode.TooManyRequests, 2);

        var response = await Client.PostAsync(TeamsActivities.Message(Connector.ServiceUrl, _conversation, "how do I find new leads?", userAad: "aad-429"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(Connector.Replies(_conversation));
        Assert.Equal(3, Connector.Calls.Count(c => c.ConversationId == _conversation && c.Type == "message"));
    }

    [Fact]
    public async Task Install_is_welcomed_once_and_the_conversation_reference_is_stored()
    {
        await Client.PostAsync(TeamsActivities.Installed(Connector.ServiceUrl, _conversation, "aad-new"));
        await Client.PostAsync(TeamsActivities.BotAdded(Connector.ServiceUrl, _conversation, "aad-new"));

        var welcome = Assert.Single(Connector.Replies(_conversation));
        Assert.Contains("CoachBot", welcome.Text, StringComparison.Ordinal);
        Assert.Null(welcome.ReplyToId);
        var store = new CoachingStore(Tables);
        var reference = await store.GetReferenceAsync(TeamsActivities.TenantId, "aad-new", _conversation, default);
        Assert.NotNull(reference);
        Assert.False(reference.IsStale);
        Assert.Equal(Connector.ServiceUrl, reference.ServiceUrl);
    }

    [Fact]
    public async Task Help_lists_what_a_rep_can_do()
    {
        await Client.PostAsync(TeamsActivities.Message(Connector.ServiceUrl, _conversation, "help", userAad: "aad-help"));

        var reply = Assert.Single(Connector.Replies(_conversation));
        Assert.Contains("reset", reply.Text, StringComparison.Ordinal);
        Assert.Contains("manager", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_group_chat_mention_is_stripped_and_the_rep_is_invited_to_a_private_chat()
    {
        var activity = TeamsActivities.Message(Connector.ServiceUrl, _conversation, "<at>CoachBot</at> the client ghosted me", userAad: "aad-group", conversationType: "groupChat");
        activity["entities"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>CoachBot</at>",
            ["mentioned"] = new System.Text.Json.Nodes.JsonObject { ["id"] = TeamsActivities.BotId, ["name"] = "CoachBot" },
        });

        await Client.PostAsync(activity);

        var store = new CoachingStore(Tables);
        var turn = Assert.Single(await store.GetTurnsAsync(TeamsActivities.TenantId, "aad-group", default));
        Assert.Equal("the client ghosted me", turn.RepText);
        // Everyone in the chat reads along: no coaching there, an invitation to a 1:1 chat instead.
        Assert.Equal(CoachBot.Coaching.PublicChat.InviteKind, turn.Kind);
        Assert.Null(turn.Topic);
    }

    [Fact]
    public async Task A_rep_goes_from_a_question_to_a_dated_plan()
    {
        string[] rep =
        [
            "Client ghosted me after the demo",
            "Two emails and a voicemail, nothing back",
            "A clear yes or no on the pilot",
            "Ask my champion what changed, or go to the CFO",
            "I'll call the CFO by Thursday",
        ];
        foreach (var text in rep) await Client.PostAsync(TeamsActivities.Message(Connector.ServiceUrl, _conversation, text, userAad: "aad-arc"));

        // One text reply per turn; the plan card follows the plan's text as a message of its own.
        var replies = Connector.Replies(_conversation).Where(r => r.Text is not null).ToList();
        Assert.Equal(rep.Length, replies.Count);
        Assert.All(replies, r => Assert.EndsWith("?", r.Text, StringComparison.Ordinal));
        Assert.Contains("Your plan", replies[^1].Text, StringComparison.Ordinal);
        Assert.Contains("Thursday", replies[^1].Text, StringComparison.Ordinal);
        Assert.Equal(rep.Length + 1, Connector.Replies(_conversation).Count);
    }
}
