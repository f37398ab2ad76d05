using System.Text.RegularExpressions;
using CoachBot.Coaching.Dialogue;

namespace CoachBot.Coaching.Tests.Corpus;

/// <summary>Runs multi-turn conversations over the rep-message corpus and checks every bot turn.</summary>
internal static partial class Conversations
{
    public static readonly DateOnly Today = new(2026, 11, 23);

    /// <summary>Asserts that <paramref name="text"/>, as a first message on <see cref="Today"/>, confirms a plan due on <paramref name="due"/> (yyyy-MM-dd).</summary>
    public static void AssertConfirmedInOneTurn(string text, string due)
    {
        var reply = CoachingEngine.Respond(CoachingState.New, text, Today);

        Xunit.Assert.Equal(ReplyKind.PlanConfirmed, reply.Kind);
        Xunit.Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), reply.Plan!.Due);
    }

    // Declared first: RepMessages needs it during static initialisation.
    public static string LongPaste { get; } = BuildLongPaste();

    public static IReadOnlyList<string> RepMessages { get; } = Load();

    private static List<string> Load()
    {
        var lines = File.ReadAllLines(CorpusFiles.Path("rep-messages.txt"))
            .Where(l => !l.StartsWith('#') && l.Length > 0)
            .Select(Expand)
            .ToList();
        lines.AddRange(CorpusFiles.ReadLabelled("topics.tsv").Select(l => l.Text));
        return lines;
    }

    private static string BuildLongPaste()
    {
        const string chunk = "From: buyer@contoso.com\nSubject: RE: proposal\nThanks for the proposal. You should know we are comparing three vendors; " +
            "the other two are cheaper. Please send your best and final offer by Friday. Step 1: legal review. Step 2: budget sign-off. ";
        var s = "";
        while (s.Length < 5000) s += chunk;
        return s[..5000];
    }

    private static string Expand(string line) => line switch
    {
        "<EMPTY>" => "",
        "<SPACES>" => "   \t ",
        "<LONG_PASTE>" => LongPaste,
        _ => line.Replace("\\n", "\n", StringComparison.Ordinal),
    };

    public sealed record Turn(string Rep, CoachingReply Reply, CoachingState Before);

    public static List<Turn> Run(IEnumerable<string> repTurns, CoachingState? start = null)
    {
        var state = start ?? CoachingState.New;
        var turns = new List<Turn>();
        foreach (var rep in repTurns)
        {
            var reply = CoachingEngine.Respond(state, rep, Today);
            turns.Add(new Turn(rep, reply, state));
            state = reply.State;
        }
        return turns;
    }

    /// <summary>Problems with one bot turn, judged independently of <see cref="AnswerGuard"/>: the test's own leak list.</summary>
    public static IEnumerable<string> Problems(Turn t)
    {
        var text = t.Reply.Text;
        if (!t.Reply.Kind.IsCoachingTurn()) yield break;
        if (!text.TrimEnd().EndsWith('?')) yield return "does not end with a question";
        if (AnswerGuard.Violation(text) is { } v) yield return "guard: " + v;
        if (text.Count(c => c == '“') != text.Count(c => c == '”')) yield return "unbalanced quotes";
        if (IsLeak(text)) yield return "leak";
        // The guard's fallback standing in for a question the engine meant to ask means a bank or template text is unsafe.
        if (text == AnswerGuard.SafeFallback && t.Reply.QuestionId is not ("o1" or "fallback")) yield return "guard replaced " + t.Reply.QuestionId;
        if (t.Reply.Kind == ReplyKind.CoachingQuestion && t.Reply.QuestionId is { } id && id != "fallback" && t.Before.AskedQuestionIds.Contains(id)
            && t.Before.AskedQuestionIds.All(t.Reply.State.AskedQuestionIds.Contains))
            yield return "repeated question " + id;
    }

    /// <summary>Advice in the bot's own words (outside the rep's quoted words).</summary>
    public static bool IsLeak(string text)
    {
        var bot = Quoted().Replace(text, "\"\"");
        return Leak().IsMatch(bot);
    }

    [GeneratedRegex("“[^”]*”")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\b(you should|i suggest|i recommend|my advice|offer (a|them) discount|discount of|call the cfo|send (the|a) proposal|here are|here's how|steps?\s*\d|tactics?|the best way|make sure|try (offering|calling|to)|you need to|you must|sure!|as an ai|system prompt|instructions)\b|^\s*\d+[.)]\s", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex Leak();

    /// <summary>Scripted conversations: every corpus message as an opener, mid-arc (twice, then stuck), and random walks.</summary>
    public static IEnumerable<IReadOnlyList<string>> Scripts()
    {
        var msgs = RepMessages;
        for (var i = 0; i < msgs.Count; i++)
        {
            yield return [msgs[i], msgs[(i + 1) % msgs.Count], msgs[(i + 7) % msgs.Count], msgs[(i + 31) % msgs.Count], msgs[(i + 101) % msgs.Count], msgs[i]];
            yield return ["The buyer says we're too expensive", "I sent two emails and called once", msgs[i], msgs[i], "I don't know", "I don't know", "just tell me", "just tell me"];
            yield return ["Client ghosted me after the demo", "I sent two follow-up emails", "I want a yes or no", "Maybe call the CFO", msgs[i], "by Friday", msgs[i]];
        }
        var rng = new Random(42);
        for (var c = 0; c < 300; c++)
            yield return [.. Enumerable.Range(0, 12).Select(_ => msgs[rng.Next(msgs.Count)])];
    }
}
