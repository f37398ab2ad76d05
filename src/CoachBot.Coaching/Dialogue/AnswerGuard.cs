using System.Text.RegularExpressions;

namespace CoachBot.Coaching.Dialogue;

/// <summary>
/// The no-answer rule, enforced on every outgoing coaching text: it must end in a question and must not
/// tell the rep what to do. Anything that fails is replaced by a safe question rather than sent.
/// </summary>
public static partial class AnswerGuard
{
    public const string SafeFallback = "What do you think must be done?";

    public static bool IsCoachingSafe(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        var trimmed = text.TrimEnd();
        if (!trimmed.EndsWith('?')) return false;
        // Quoted rep words are the rep's own; only the bot's words are checked for advice.
        var botWords = QuotedRepWords().Replace(trimmed, "\"\"");
        return !AdvicePattern().IsMatch(botWords);
    }

    public static string Enforce(string text) => IsCoachingSafe(text) ? text : SafeFallback;

    [GeneratedRegex("“[^”]*”")]
    private static partial Regex QuotedRepWords();

    // Imperatives and recommendation phrasing a coach must not use. Matches whole words, case-insensitive.
    [GeneratedRegex(
        @"\b(you should|you could try|you need to|you must|you ought|i recommend|i suggest|i'd suggest|i would suggest|my advice|my suggestion|here's what|here is what|the answer is|the solution is|try (to|this|saying|offering|asking|calling)|make sure|don't forget|do this|say this|tell (them|him|her|the)|offer (a|them|him|her)|give (them|him|her) a discount|step \d|first,|second,|finally,|best practice)\b|^\s*(\d+[.)]|[-*•])\s",
        RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex AdvicePattern();
}
