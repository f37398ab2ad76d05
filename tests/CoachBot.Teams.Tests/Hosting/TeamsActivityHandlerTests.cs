using System.Text.Json;
using CoachBot.Teams.Cards;
using CoachBot.Teams.Hosting;
using CoachBot.Teams.Schema;

namespace CoachBot.Teams.Tests.Hosting;

/// <summary>Which handler each activity Teams sends lands in.</summary>
public sealed class TeamsActivityHandlerTests
{
    [Theory]
    [InlineData("message", null, null, "message")]
    [InlineData("installationUpdate", "add", null, "installed")]
    [InlineData("installationUpdate", "add-upgrade", null, "installed")]
    [InlineData("installationUpdate", "remove", null, "uninstalled")]
    [InlineData("installationUpdate", "remove-upgrade", null, "uninstalled")]
    [InlineData("conversationUpdate", null, "28:bot", "installed")]
    [InlineData("conversationUpdate", null, "29:someone-else", "")]
    [InlineData("messageReaction", null, null, "")]
    [InlineData("typing", null, null, "")]
    public async Task Each_activity_goes_to_its_handler(string type, string? action, string? memberAdded, string expected)
    {
        var bot = new Recording();
        var activity = new Activity
        {
            Type = type,
            Action = action,
            From = new ChannelAccount { Id = "29:user" },
            Recipient = new ChannelAccount { Id = "28:bot" },
            Conversation = new ConversationAccount { Id = "19:group", ConversationType = "groupChat" },
            MembersAdded = memberAdded is null ? null : [new ChannelAccount { Id = memberAdded }],
        };

        var response = await bot.OnTurnAsync(new Turn(activity), default);

        Assert.Equal(expected, string.Join(",", bot.Calls));
        Assert.Null(response);
    }

    [Fact]
    public async Task In_a_personal_chat_the_user_added_as_member_is_the_install()
    {
        var bot = new Recording();
        var activity = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            From = new ChannelAccount { Id = "29:user" },
            Recipient = new ChannelAccount { Id = "28:bot" },
            Conversation = new ConversationAccount { Id = "a:1", ConversationType = "personal" },
            MembersAdded = [new ChannelAccount { Id = "29:user" }],
        };

        await bot.OnTurnAsync(new Turn(activity), default);

        Assert.Equal(["installed"], bot.Calls);
    }

    [Fact]
    public async Task A_card_click_is_one_handler_whether_invoke_or_legacy_submit_and_an_unknown_verb_is_a_400()
    {
        var bot = new Recording();
        var invoke = new Activity
        {
            Type = ActivityTypes.Invoke,
            Name = CardActionInvoke.InvokeName,
            Value = JsonDocument.Parse("""{"action":{"type":"Action.Execute","verb":"plan.done","data":{"planId":"p1"}}}""").RootElement,
        };
        var submit = new Activity { Type = ActivityTypes.Message, Value = JsonDocument.Parse("""{"verb":"plan.done","planId":"p1"}""").RootElement };

        var invokeAnswer = await bot.OnTurnAsync(new Turn(invoke), default);
        var submitAnswer = await bot.OnTurnAsync(new Turn(submit), default);

        Assert.Equal(["card plan.done universal", "card plan.done submit"], bot.Calls);
        // Universal Action errors travel as HTTP 200 with the error in the body (Teams shows its message on the card).
        Assert.Equal(400, invokeAnswer?.Body?.GetProperty("statusCode").GetInt32());
        Assert.Null(submitAnswer);
    }

    [Fact]
    public void A_turn_gives_its_ids_without_null_checks_and_names_a_missing_one()
    {
        ITurnContext turn = new Turn(new Activity { Type = ActivityTypes.Message, Id = "act-1", Conversation = new ConversationAccount { Id = "a:1" } });
        ITurnContext install = new Turn(new Activity { Type = ActivityTypes.InstallationUpdate, Conversation = new ConversationAccount { Id = "a:1" } });

        Assert.Equal(("act-1", "a:1"), (turn.ActivityId, turn.ConversationId));
        Assert.Equal("a:1", install.ConversationId);
        Assert.Contains("no id", Assert.Throws<InvalidOperationException>(() => install.ActivityId).Message, StringComparison.Ordinal);
    }

    private sealed class Recording : TeamsActivityHandler
    {
        public List<string> Calls { get; } = [];

        protected override Task OnMessageAsync(ITurnContext turn, CancellationToken ct) => Record("message");

        protected override Task OnInstalledAsync(ITurnContext turn, CancellationToken ct) => Record("installed");

        protected override Task OnUninstalledAsync(ITurnContext turn, CancellationToken ct) => Record("uninstalled");

        protected override Task<InvokeResponse?> OnCardActionAsync(ITurnContext turn, CardActionInvoke action, CancellationToken ct)
        {
            Calls.Add($"card {action.Verb} {(action.IsUniversalAction ? "universal" : "submit")}");
            return base.OnCardActionAsync(turn, action, ct);
        }

        private Task Record(string call)
        {
            Calls.Add(call);
            return Task.CompletedTask;
        }
    }

    private sealed class Turn(Activity activity) : ITurnContext
    {
        public Activity Activity { get; } = activity;

        public Task<ResourceResponse> SendActivityAsync(Activity reply, CancellationToken ct) => throw new NotSupportedException();

        public Task<ResourceResponse> SendActivityAsync(Activity reply, DateTimeOffset leaveBy, CancellationToken ct) => throw new NotSupportedException();

        public Task<ResourceResponse> UpdateActivityAsync(Activity activity, string activityId, CancellationToken ct) => throw new NotSupportedException();
    }
}
