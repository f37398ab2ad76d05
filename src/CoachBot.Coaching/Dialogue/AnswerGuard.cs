using System.Text.RegularExpressions;

namespace CoachBot.Coaching.Dialogue;

/// <summary>
/// The no-answer rule, enforced on every outgoing coaching text. A text is safe when, after removing the rep's own words
/// quoted in “curly quotes” (the engine replaces curly quotes inside a quotation, so a rep cannot close it early):
/// <list type="number">
/// <item>it is not empty and ends in a question mark;</item>
/// <item>it holds no advice or recommendation phrasing ("you should", "I suggest", "the answer is", "make sure", "try offering"…);</item>
/// <item>it asks no leading question that smuggles in a solution ("have you tried…", "what if you…", "why not…", "how about…");</item>
/// <item>it holds no numbered or bulleted steps, and no "first, … then" sequence;</item>
/// <item>no sentence starts with an imperative sales verb ("Call the CFO.", "Offer a pilot.") — "Tell me more" is allowed.</item>
/// </list>
/// Anything that fails is replaced by <see cref="SafeFallback"/> rather than sent.
/// </summary>
public static partial class AnswerGuard
{
    public const string SafeFallback = "What do you think must be done?";

    public static bool IsCoachingSafe(string? text) => Violation(text) is null;

    /// <summary>Which rule a text breaks, or null when it is safe (for tests and logs).</summary>
    public static string? Violation(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "empty";
        var trimmed = text.TrimEnd();
        if (!trimmed.EndsWith('?')) return "no-question";
        // Quoted rep words are the rep's own; only the bot's words are checked for advice.
        var botWords = QuotedRepWords().Replace(trimmed, "\"\"");
        if (AdvicePattern().Match(botWords) is { Success: true } m) return "advice: " + m.Value.Trim();
        if (LeadingQuestion().Match(botWords) is { Success: true } l) return "leading: " + l.Value.Trim();
        if (ListPattern().IsMatch(botWords)) return "steps";
        foreach (var sentence in SentenceStart().Matches(botWords).Cast<Match>())
        {
            var first = sentence.Groups["w"].Value.ToLowerInvariant();
            var second = sentence.Groups["n"].Value.ToLowerInvariant();
            if (!ImperativeVerbs.Contains(first)) continue;
            if (first == "tell" && second is "me" or "us") continue;
            if (first is "do" or "don't" or "dont" && second is "you" or "i" or "we" or "they" or "he" or "she" or "it") continue;
            return "imperative: " + first;
        }
        return null;
    }

    public static string Enforce(string text) => IsCoachingSafe(text) ? text : SafeFallback;

    private static readonly HashSet<string> ImperativeVerbs = new(StringComparer.Ordinal)
    {
        "call", "email", "send", "offer", "ask", "tell", "try", "give", "schedule", "book", "follow", "push", "escalate", "reach",
        "loop", "bring", "lower", "drop", "discount", "focus", "remind", "propose", "show", "use", "go", "get", "stop", "start",
        "avoid", "don't", "dont", "do", "make", "consider", "emphasize", "emphasise", "highlight", "mention", "explain", "position",
        "frame", "lead", "open", "pitch", "reply", "respond", "write", "draft", "prepare", "research", "identify", "create", "build",
        "negotiate", "walk", "insist", "point", "remember", "never", "always", "just", "simply", "keep", "check", "contact", "phone",
        "invite", "present", "cut", "match", "beat", "include", "add", "remove", "leverage", "anchor", "demo", "qualify", "close",
        "ensure", "be", "stay", "wait", "set", "put", "plan", "think", "sell", "quote", "threaten", "walkaway", "counter",
    };

    [GeneratedRegex("“[^”]*”")]
    private static partial Regex QuotedRepWords();

    // Imperatives and recommendation phrasing a coach must not use. Whole words, case-insensitive.
    [GeneratedRegex(
        @"\b(you should|you shouldn't|you could try|you need to|you must|you ought|you have to|you'll want to|you will want to|you might want to|you may want to|it's best|it is best|it's better to|better to|i recommend|i'd recommend|i would recommend|i suggest|i'd suggest|i would suggest|i advise|my advice|my suggestion|my recommendation|my tip|a good idea|good idea to|if i were you|in my experience|here's what|here is what|here's how|here is how|here are|the answer is|the solution is|the key is|the trick is|the best way|the right move|the best approach|best practice|the way to|the fix is|try (to|this|saying|offering|asking|calling|emailing|sending|reaching|following|using|framing|positioning)|make sure|be sure to|remember to|don't forget|do not forget|do this|say this|say something like|tell (them|him|her|the)|offer (a|an|them|him|her|to)|give (them|him|her) a discount|go ahead and|let them know|step \d|steps:|script:|do the following|as follows)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AdvicePattern();

    // A question that hands over a solution is advice in disguise.
    [GeneratedRegex(
        @"\b((?<!\bwhat )(?<!\bwho )have you (tried|considered|thought about|thought of)|(?<!\bwhat )did you (try|consider)|what if you|why not|why don't you|why dont you|how about|what about (offering|calling|asking|sending|giving|trying|reaching|emailing|booking|lowering|discounting|going)|wouldn't it be|shouldn't you|could you (offer|call|email|send|give|try|lower|discount)|can you (offer|call|email|send|give|try|lower|discount)|would it help to (offer|call|email|send|give|try|lower|discount))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingQuestion();

    [GeneratedRegex(@"^\s*(\d+[.)]|[-*•])\s|\bfirst,|\bsecondly?,|\bthirdly?,|\bfinally,|\bthen,", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ListPattern();

    // The first two words of each sentence: at the start, and after . ! ? or a line break.
    [GeneratedRegex(@"(?:^|[.!?:]\s+|\n\s*)(?<w>[A-Za-z']+)(?:\s+(?<n>[A-Za-z']+))?", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceStart();
}
