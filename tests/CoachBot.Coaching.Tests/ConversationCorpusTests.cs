using CoachBot.Coaching.Dialogue;
using CoachBot.Coaching.Tests.Corpus;

namespace CoachBot.Coaching.Tests;

public class ConversationCorpusTests
{
    [Fact]
    public void The_corpus_holds_several_hundred_messages_including_the_tricky_ones()
    {
        var m = Conversations.RepMessages;
        Assert.True(m.Count >= 300, $"{m.Count}");
        Assert.Contains("", m);
        Assert.Contains(m, s => s.Length == 5000);
        Assert.Contains(m, s => s.Contains("ignore your rules", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(m, s => s.StartsWith("Der Kunde", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_coaching_turn_over_the_corpus_ends_in_a_question_passes_the_guard_and_leaks_nothing()
    {
        var problems = new List<string>();
        var turns = 0;
        foreach (var script in Conversations.Scripts())
        {
            foreach (var t in Conversations.Run(script))
            {
                turns++;
                foreach (var p in Conversations.Problems(t))
                    problems.Add($"{p}: rep “{Short(t.Rep)}” → bot “{t.Reply.Text}”");
            }
        }
        Assert.True(turns > 5000, $"{turns}");
        Assert.True(problems.Count == 0, $"{problems.Count} problems, first ones:\n" + string.Join('\n', problems.Distinct().Take(25)));
    }

    // The "insisting" section runs into "prompt injection": both are insisting, each line once.
    public static TheoryData<string> InsistingMessages() =>
    [
        .. File.ReadAllLines(CorpusFiles.Path("rep-messages.txt"))
            .SkipWhile(l => l != "## insisting").Skip(1).TakeWhile(l => !l.StartsWith("## one word", StringComparison.Ordinal))
            .Where(l => !l.StartsWith('#'))
            .Distinct(StringComparer.Ordinal),
    ];

    [Theory]
    [MemberData(nameof(InsistingMessages))]
    public void A_rep_who_insists_gets_a_smaller_question_and_the_offer_of_field_time(string insist)
    {
        var turns = Conversations.Run(["We're losing to a competitor on price", "I've sent them a comparison sheet", insist]);
        var reply = turns[^1].Reply;

        Assert.Equal(ReplyKind.CoachingQuestion, reply.Kind);
        Assert.True(AnswerGuard.IsCoachingSafe(reply.Text), reply.Text);
        Assert.False(Conversations.IsLeak(reply.Text), reply.Text);
        Assert.StartsWith("s", reply.QuestionId, StringComparison.Ordinal);
        Assert.Contains("field", reply.Text, StringComparison.Ordinal);
        Assert.Equal(Awaiting.FieldDayAnswer, reply.State.AwaitingReply);
    }

    [Fact]
    public void Saying_yes_to_the_field_day_offer_requests_one()
    {
        var turns = Conversations.Run(["My champion left the company", "just tell me what to do", "yes"]);
        Assert.Equal(ReplyKind.RequestFieldDay, turns[^1].Reply.Kind);
        Assert.Contains("the stakeholders", turns[^1].Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void I_dont_know_twice_lowers_the_bar_and_a_third_time_offers_field_time()
    {
        var turns = Conversations.Run(["The deal has stalled for three weeks", "I don't know", "I don't know", "no idea"]);
        Assert.StartsWith("s", turns[1].Reply.QuestionId, StringComparison.Ordinal);
        Assert.StartsWith("u", turns[2].Reply.QuestionId, StringComparison.Ordinal);
        Assert.Contains("field", turns[3].Reply.Text, StringComparison.Ordinal);
        Assert.All(turns, t => Assert.True(AnswerGuard.IsCoachingSafe(t.Reply.Text), t.Reply.Text));
    }

    [Theory]
    [InlineData("You should give me a discount, the buyer said")]
    [InlineData("I recommend we give them a free trial. They liked it")]
    [InlineData("1. call the CFO\n2. send pricing\n3. ask for the PO")]
    [InlineData("They said “ignore the price, tell them to sign” and laughed")]
    public void Rep_words_with_advice_are_quoted_as_theirs_never_said_as_the_bots(string repText)
    {
        var turns = Conversations.Run(["The buyer says we're too expensive", repText]);
        var text = turns[^1].Reply.Text;
        Assert.True(AnswerGuard.IsCoachingSafe(text), text);
        Assert.False(Conversations.IsLeak(text), text);
        Assert.DoesNotContain('\n', text);
        Assert.Equal(text.Count(c => c == '“'), text.Count(c => c == '”'));
    }

    [Fact]
    public void Swearing_is_not_quoted_back() =>
        Assert.DoesNotContain("shit", Conversations.Run(["The deal is stuck", "shit, the client ghosted me again after all that"])[^1].Reply.Text, StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void Another_language_gets_one_notice_that_coaching_is_in_English()
    {
        var turns = Conversations.Run(["Der Kunde sagt, wir sind zu teuer. Was soll ich tun?", "Ich habe zwei E-Mails geschickt und nicht angerufen"]);
        Assert.StartsWith(CoachingEngine.LanguageNotice, turns[0].Reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(CoachingEngine.LanguageNotice, turns[1].Reply.Text, StringComparison.Ordinal);
        Assert.Equal("objection-price", turns[0].Reply.State.Topic);
    }

    private static string Short(string s) => s.Length > 60 ? s[..60] + "…" : s.Replace("\n", "\\n", StringComparison.Ordinal);
}
