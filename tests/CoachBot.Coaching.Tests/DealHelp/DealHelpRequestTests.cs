using CoachBot.Coaching.Dialogue;
using CoachBot.Coaching.Tests.Corpus;

namespace CoachBot.Coaching.Tests.DealHelp;

/// <summary>
/// Issue 16, item 3: a rep asking for their manager on a deal is recognised as deal help (team selling); near misses stay
/// coaching material. Each near miss is labelled with what it means instead (docs/field-days.md, "Team selling and coaching time").
/// </summary>
public class DealHelpRequestTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    public static TheoryData<string> Requests => new()
    {
        "can you join my call with Contoso?",
        "Can my manager join my call with Contoso on Thursday?",
        "I need Dana on the Globex pitch Thursday",
        "can someone senior come to the negotiation?",
        "Could you join the Initech demo tomorrow at 2?",
        "would my boss be able to join the renewal call with Fabrikam",
        "could someone more senior join the pricing negotiation with Northwind",
        "I'd like my manager on the Contoso exec briefing next week",
        "please join my call with Litware on Friday",
        "join me on the Tailspin demo tomorrow?",
        "ask my manager to join my call with Adatum",
        "can you come along to the Globex QBR?",
        "I need my manager's help closing the Wingtip deal",
        "will you jump on the Contoso call at 3?",
        "Could Maya sit in on the Fabrikam negotiation on Tuesday?",
        "i really need someone senior on the Northwind renewal meeting",
        "can my director attend the closing meeting with Woodgrove",
        "we're stuck on legal — could my manager hop on the Contoso call Thursday?",
        "I would like you at the Litware presentation, they want to see leadership",
        "could you please help me close the Globex deal on the call Friday",
        "can a manager come to the Proseware pitch? they asked for someone senior",
    };

    /// <summary>Near misses, each with what it is instead.</summary>
    public static TheoryData<string, string> NearMisses => new()
    {
        { "my manager joined the call and it went badly", "a report of what happened: coaching material" },
        { "should I ask my manager to join?", "deliberation: coach the rep's own decision" },
        { "should I ask Dana to join the Globex pitch?", "deliberation with a named event: still the rep's decision" },
        { "do you think it's a good idea to bring my boss to the Contoso call?", "deliberation" },
        { "my manager wants to join my call with Contoso and I'm nervous", "the manager's wish, not the rep's request" },
        { "can you help me prepare for my call with Contoso?", "help preparing: coaching" },
        { "I don't want my manager on the Globex call", "a negation" },
        { "last time Dana came to the pitch we lost it", "a past event" },
        { "my manager will join the Globex pitch Thursday", "a fact, not a request" },
        { "can I join Dana's call with Globex to learn?", "the rep joining someone else's call: shadowing" },
        { "I need to call Contoso on Thursday", "the rep's own call, nobody asked" },
        { "how do I get my manager to join calls without taking over?", "a how-to question: coaching" },
        { "can you join the team channel?", "not a deal event" },
        { "I need a field day with my manager", "a field-day ask (its own path)" },
        { "the Contoso call is Thursday and they want a discount", "a deal situation: coaching" },
        { "can you tell me how to run the negotiation with Northwind", "asking for the answer (insisting path)" },
        { "Dana is on the Globex pitch Thursday", "a fact" },
        { "my boss sat in on the demo and took over", "a report / complaint" },
        { "is it ok if my manager is on the renewal call?", "deliberation" },
        { "will Contoso join the call on Friday?", "a question about the customer" },
        { "we need more time on the Globex pitch", "not a person" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void A_request_for_the_manager_on_a_deal_is_deal_help(string text)
    {
        Assert.True(DealHelpRequest.Matches(text), text);
        Assert.Equal(RepIntentKind.DealHelp, RepIntent.Classify(text));
    }

    [Theory]
    [MemberData(nameof(NearMisses))]
    public void A_near_miss_is_not_deal_help(string text, string meaning)
    {
        Assert.False(DealHelpRequest.Matches(text), $"{text} ({meaning})");
        Assert.NotEqual(RepIntentKind.DealHelp, RepIntent.Classify(text));
    }

    [Fact]
    public void The_labelled_set_has_forty_lines_or_more_and_about_half_are_near_misses()
    {
        var requests = Requests.Count;
        var misses = NearMisses.Count;
        Assert.True(requests + misses >= 40);
        Assert.InRange(misses, (requests + misses) / 2 - 2, (requests + misses) / 2 + 2);
    }

    [Fact]
    public void The_reply_asks_what_the_rep_wants_never_claims_the_manager_agreed_and_leaves_the_arc_alone()
    {
        var turns = Conversations.Run(["The security review has been stuck for a month", "can you join my call with Contoso on Thursday?"]);
        var before = turns[1].Before;
        var reply = turns[1].Reply;

        Assert.Equal(ReplyKind.DealHelpOffered, reply.Kind);
        Assert.EndsWith("?", reply.Text, StringComparison.Ordinal);
        Assert.Contains("unless you press Send", reply.Text, StringComparison.Ordinal);
        Assert.Contains("what would you want them to do on that call", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("will join", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("agreed", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before.Stage, reply.State.Stage);
        Assert.Equal(before.Situation, reply.State.Situation);
        // Nothing the rep wrote is quoted back as an answer or stored in the state.
        Assert.DoesNotContain("Contoso", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_near_miss_mid_arc_is_coached_not_offered_deal_help()
    {
        var reply = CoachingEngine.Respond(CoachBot.Coaching.Dialogue.CoachingState.New, "should I ask my manager to join?", Monday);
        Assert.NotEqual(ReplyKind.DealHelpOffered, reply.Kind);
        Assert.EndsWith("?", reply.Text, StringComparison.Ordinal);
    }
}
