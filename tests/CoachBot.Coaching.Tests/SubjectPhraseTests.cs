using CoachBot.Coaching.Dialogue;

namespace CoachBot.Coaching.Tests;

/// <summary>Issue 13, item 4: the rep's key phrase, put into the bot's own question.</summary>
public class SubjectPhraseTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    [Theory]
    [InlineData("The CFO wants a business case first", "the CFO")]
    [InlineData("Procurement is asking for 25 % off", "the 25 % discount")]
    [InlineData("The pilot users hate the new dashboard", "the pilot users")]
    [InlineData("My champion left the company", "your champion")]
    [InlineData("Client ghosted me after the demo", "the client")]
    [InlineData("I'll try to get a meeting with the CFO", "the CFO")]
    [InlineData("I hate updating Salesforce", "Salesforce")]
    [InlineData("Northwind's CFO keeps cancelling", "Northwind's CFO")]
    [InlineData("what a nice day", null)]
    public void The_key_phrase_is_a_whole_noun_phrase_in_the_reps_words(string text, string? expected) =>
        Assert.Equal(expected, SubjectPhrase.Find(text));

    [Theory]
    [InlineData("the hotel GM ghosted me after the site visit", "the hotel GM")]
    [InlineData("ward manager wants to see the device used on a patient", "the ward manager")]
    [InlineData("the dealership service manager only ever says we're good", "the dealership service manager")]
    [InlineData("Stahlwerk Nord's procurement guy hasn't answered", "Stahlwerk Nord's procurement")]
    [InlineData("Ironbark Mining's ops manager says spreadsheets are fine", "Ironbark Mining's ops manager")]
    [InlineData("Quinta Hospitality wants net-120 payment terms", "net-120 payment terms")]
    [InlineData("I'm 2 deals behind quota with 5 weeks left", "the quota")]
    [InlineData("Need to book meetings for the trade fair", "meetings")]
    [InlineData("my SDR books meetings with the wrong people", "meetings")]
    [InlineData("sent Hamish four follow-ups and got nothing back", "follow-ups")]
    [InlineData("@CoachBot Norrland Carriers wants monthly billing", "Norrland Carriers")]
    [InlineData("3 proposals due this week plus QBR prep", "the QBR")]
    public void Qualifiers_roles_and_owners_stay_with_the_noun_and_verbs_stay_out(string text, string? expected) =>
        Assert.Equal(expected, SubjectPhrase.Find(text));

    [Fact]
    public void The_first_question_carries_the_subject_in_the_bots_own_words_without_quoting()
    {
        var reply = CoachingEngine.Respond(CoachingState.New, "The CFO wants a business case before she'll even take a meeting", Monday);

        Assert.Contains("the CFO", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("“", reply.Text, StringComparison.Ordinal);
        Assert.EndsWith("?", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Different_openers_start_with_different_sentences_and_no_stock_opener()
    {
        string[] openers =
        [
            "The CFO wants a business case", "Procurement is asking for 25 % off", "My champion left", "The pilot users hate the dashboard",
            "Their legal team sent back redlines", "The buyer went silent", "My forecast is too optimistic", "The security review is stuck",
        ];
        var first = openers.Select(o => CoachingEngine.Respond(CoachingState.New, o, Monday).Text.Split('?')[0]).ToList();

        Assert.Equal(openers.Length, first.Distinct().Count());
        Assert.DoesNotContain(first, f => f.StartsWith("Let's", StringComparison.Ordinal) || f.StartsWith("Good one", StringComparison.Ordinal));
    }

    [Fact]
    public void Later_answers_are_acknowledged_without_quoting_the_rep()
    {
        var turns = Corpus.Conversations.Run(["The buyer says we're too expensive", "Maybe I could ask the old champion who else cares about the renewal and the new budget"]);

        Assert.DoesNotContain("“", turns[^1].Reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("who else cares", turns[^1].Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_question_in_the_reps_terms_is_safe_with_any_phrase()
    {
        foreach (var q in QuestionBank.InRepTerms.Values.SelectMany(x => x))
        foreach (var s in new[] { "the CFO", "the 25 % discount", "the pilot users", "Salesforce" })
            Assert.True(AnswerGuard.IsCoachingSafe(q.Text.Replace("{s}", s, StringComparison.Ordinal)), q.Text);
    }
}
