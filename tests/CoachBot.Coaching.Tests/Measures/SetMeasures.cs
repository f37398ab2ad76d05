using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CoachBot.Coaching.Dialogue;
using CoachBot.Coaching.Tests.Corpus;
using CoachBot.Coaching.Topics;

namespace CoachBot.Coaching.Tests.Measures;

/// <summary>The issue-13 measures of one set, computed by running the engine (with topic classification) over it.</summary>
internal sealed partial record SetMeasures(
    string Set,
    int DatedCommitments,
    int DatedRight,
    int UnmadePlans,
    int AskDayExpected,
    int AskDayRight,
    int CategoryExpected,
    int CategoryRight,
    int ConversationTopicExpected,
    int ConversationTopicRight,
    int TopicMessages,
    int TopicRight,
    int TopicRightConfident,
    int Openers,
    int DistinctFirstSentences,
    int OpenersWithSubject,
    int CoachingTurns,
    int EndInQuestion,
    int Leaks,
    double MsPerTurn,
    IReadOnlyList<string> Misses)
{
    public static readonly DateOnly Today = new(2026, 11, 23);

    public double DatedShare => Share(DatedRight, DatedCommitments);
    public double TopicAccuracy => Share(TopicRight, TopicMessages);
    public double SubjectShare => Share(OpenersWithSubject, Openers);
    public double QuestionShare => Share(EndInQuestion, CoachingTurns);

    private static double Share(int n, int of) => of == 0 ? 1 : (double)n / of;

    public static SetMeasures Compute(MeasureSet set)
    {
        var misses = new List<string>();
        int dated = 0, datedRight = 0, unmade = 0, askDay = 0, askDayRight = 0, cat = 0, catRight = 0, convTopic = 0, convTopicRight = 0;
        int coaching = 0, question = 0, leaks = 0;
        var turns = 0;

        void Check(CoachingReply reply)
        {
            turns++;
            if (!reply.Kind.IsCoachingTurn()) return;
            coaching++;
            if (reply.Text.TrimEnd().EndsWith('?')) question++;
            if (Conversations.IsLeak(reply.Text) || !AnswerGuard.IsCoachingSafe(reply.Text)) leaks++;
        }

        foreach (var conversation in set.Conversations)
        {
            var state = CoachingState.New;
            foreach (var line in conversation.Lines)
            {
                var reply = CoachingEngine.Respond(state, line.Rep, Today);
                state = reply.State;
                Check(reply);
                var planned = reply.Kind is ReplyKind.PlanConfirmed or ReplyKind.PlanUpdated ? reply.Plan : null;
                var expectsPlan = false;
                foreach (var e in line.Expectations)
                {
                    var where = $"{set.Name}/{conversation.Id} “{line.Rep}” → “{reply.Text}”";
                    switch (e.Kind)
                    {
                        case "plan":
                            expectsPlan = true;
                            dated++;
                            if (planned?.Due == e.Date) datedRight++;
                            else misses.Add($"plan {e.Value} not confirmed (got {planned?.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? reply.Kind.ToString()}): {where}");
                            break;
                        case "ask-day":
                            askDay++;
                            if (reply.Kind == ReplyKind.CoachingQuestion && state.AwaitingReply == Awaiting.DueDate) askDayRight++;
                            else misses.Add($"day not asked: {where}");
                            break;
                        case "category":
                            cat++;
                            if (Category(reply.Category) == e.Value) catRight++;
                            else misses.Add($"category {e.Value} ← got {Category(reply.Category)}: {where}");
                            break;
                        case "topic":
                            convTopic++;
                            if ((state.Topic ?? "none") == e.Value) convTopicRight++;
                            else misses.Add($"topic {e.Value} ← got {state.Topic ?? "none"}: {where}");
                            break;
                    }
                }
                // Every confirmed plan must be one the script says the rep made ("no-plan" lines are simply lines without one).
                if (planned is not null && !expectsPlan)
                {
                    unmade++;
                    misses.Add($"plan the rep did not make ({planned.Due:yyyy-MM-dd}): {set.Name}/{conversation.Id} “{line.Rep}”");
                }
            }
        }

        int topicRight = 0, topicConfident = 0;
        foreach (var (label, text) in set.Topics)
        {
            var guess = TopicClassifier.Classify(text);
            if ((guess.Topic?.Id ?? "none") == label) topicRight++;
            else misses.Add($"topic {label} ← got {guess.Topic?.Id ?? "none"}: {text}");
            if ((guess.IsConfident ? guess.Topic!.Id : "none") == label) topicConfident++;
        }

        var firstSentences = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var withSubject = 0;
        foreach (var (message, phrases) in set.Openers)
        {
            var reply = CoachingEngine.Respond(CoachingState.New, message, Today);
            Check(reply);
            firstSentences.Add(FirstSentence(reply.Text));
            if (CarriesSubject(reply.Text, phrases)) withSubject++;
            else misses.Add($"subject ({string.Join('|', phrases)}) missing: “{message}” → “{reply.Text}”");
        }

        return new SetMeasures(set.Name, dated, datedRight, unmade, askDay, askDayRight, cat, catRight, convTopic, convTopicRight,
            set.Topics.Count, topicRight, topicConfident, set.Openers.Count, firstSentences.Count, withSubject, coaching, question, leaks,
            TimePerTurn(set), misses);
    }

    /// <summary>Mean wall time per turn (engine + topic classification) over every scripted turn, repeated; informative only.</summary>
    private static double TimePerTurn(MeasureSet set)
    {
        var scripts = set.Conversations.Select(c => c.Lines.Select(l => l.Rep).ToList())
            .Concat(set.Openers.Select(o => new List<string> { o.Message })).ToList();
        var n = 0;
        var sw = Stopwatch.StartNew();
        for (var r = 0; r < 20; r++)
        {
            foreach (var script in scripts)
            {
                var state = CoachingState.New;
                foreach (var rep in script)
                {
                    state = CoachingEngine.Respond(state, rep, Today).State;
                    n++;
                }
            }
        }
        return n == 0 ? 0 : sw.Elapsed.TotalMilliseconds / n;
    }

    internal static string Category(TurnCategory c) => c switch
    {
        TurnCategory.OffTopic => "offtopic",
        TurnCategory.TimePressure => "time-pressure",
        TurnCategory.ManagerComplaint => "manager-complaint",
        _ => c.ToString().ToLowerInvariant(),
    };

    internal static string FirstSentence(string text) => FirstSentenceRx().Match(text.Trim()).Value.Trim();

    /// <summary>The bot's own words (the rep's quoted words removed) hold one of the phrases, with or without its leading article or possessive.</summary>
    internal static bool CarriesSubject(string text, IEnumerable<string> phrases)
    {
        var bot = " " + Words(QuotedRx().Replace(text, " ")) + " ";
        return phrases.Select(Words).Where(p => p.Length > 0).Any(p =>
            bot.Contains(" " + p + " ", StringComparison.Ordinal) || bot.Contains(" " + LeadRx().Replace(p, "") + " ", StringComparison.Ordinal));
    }

    private static string Words(string s) => string.Join(' ', WordRx().Matches(s.ToLowerInvariant().Replace('’', '\'')).Select(m => m.Value));

    public string ToMarkdown()
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(inv, $"| measure ({Set}) | value | floor |");
        sb.AppendLine("|---|---|---|");
        sb.AppendLine(inv, $"| dated commitments confirmed with the right date | {DatedRight}/{DatedCommitments} = {DatedShare:P1} | ≥ 95 % |");
        sb.AppendLine(inv, $"| plans confirmed that the rep did not make | {UnmadePlans} | 0 |");
        sb.AppendLine(inv, $"| undated actions asked for their day | {AskDayRight}/{AskDayExpected} | |");
        sb.AppendLine(inv, $"| message categories (win, distress, …) right | {CategoryRight}/{CategoryExpected} | |");
        sb.AppendLine(inv, $"| conversation topics right | {ConversationTopicRight}/{ConversationTopicExpected} | |");
        sb.AppendLine(inv, $"| topic accuracy (top guess, topics.tsv) | {TopicRight}/{TopicMessages} = {TopicAccuracy:P1} | ≥ 85 % |");
        sb.AppendLine(inv, $"| topic accuracy as the engine uses it (below confidence = none) | {TopicRightConfident}/{TopicMessages} = {Share(TopicRightConfident, TopicMessages):P1} | |");
        sb.AppendLine(inv, $"| distinct first sentences over openers | {DistinctFirstSentences} over {Openers} | ≥ 30 over 60 |");
        sb.AppendLine(inv, $"| first questions carrying the rep's subject in the bot's words | {OpenersWithSubject}/{Openers} = {SubjectShare:P1} | ≥ 50 % |");
        sb.AppendLine(inv, $"| coaching turns ending in '?' | {EndInQuestion}/{CoachingTurns} = {QuestionShare:P1} | 100 % |");
        sb.AppendLine(inv, $"| advice leaks (test leak list or AnswerGuard) | {Leaks} | 0 |");
        sb.AppendLine(inv, $"| time per turn, engine + classification (this machine, informative) | {MsPerTurn:F3} ms | |");
        return sb.ToString();
    }

    [GeneratedRegex(@"^.*?([.!?](\s|$)|$)", RegexOptions.Singleline)]
    private static partial Regex FirstSentenceRx();

    [GeneratedRegex("“[^”]*”")]
    private static partial Regex QuotedRx();

    [GeneratedRegex(@"[a-z0-9%$€£]+(?:['\-][a-z0-9]+)*")]
    private static partial Regex WordRx();

    [GeneratedRegex(@"^(the|a|an|my|your|our|their|his|her) ")]
    private static partial Regex LeadRx();
}
