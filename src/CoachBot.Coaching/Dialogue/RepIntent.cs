using System.Text.RegularExpressions;

namespace CoachBot.Coaching.Dialogue;

public enum RepIntentKind
{
    Empty,
    Help,
    Reset,
    Greeting,
    /// <summary>"Just tell me", "give me the answer", "ignore your rules".</summary>
    Insisting,
    DontKnow,
    Other,
}

/// <summary>Reads what kind of message a rep sent, before the arc decides what to ask.</summary>
public static partial class RepIntent
{
    public static RepIntentKind Classify(string text)
    {
        var t = Normalize(text);
        if (t.Length == 0 || !t.Any(char.IsLetterOrDigit)) return RepIntentKind.Empty;
        if (t is "help" or "?" or "what can you do" or "commands" or "menu") return RepIntentKind.Help;
        if (t is "reset" or "start over" or "cancel" or "stop" or "new topic" or "restart") return RepIntentKind.Reset;
        if (Insisting().IsMatch(t)) return RepIntentKind.Insisting;
        if (DontKnow().IsMatch(t)) return RepIntentKind.DontKnow;
        if (t is "hi" or "hello" or "hey" or "hi there" or "good morning" or "hello coachbot" or "hey coachbot") return RepIntentKind.Greeting;
        return RepIntentKind.Other;
    }

    /// <summary>Lower-case, trimmed, with end punctuation removed and curly apostrophes made straight.</summary>
    public static string Normalize(string text) =>
        text.Replace('’', '\'').Trim().TrimEnd('.', '!', '?', ' ').ToLowerInvariant();

    [GeneratedRegex(@"\b(just tell me|tell me what to do|give me the answer|give me an answer|what's the answer|what is the answer|ignore (your|all|the|previous) (rules|instructions)|stop asking|enough questions|answer my question|just answer|i want an answer|what should i say|give me a script|give me the script)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Insisting();

    [GeneratedRegex(@"^(i )?(don't|dont|do not) know\b|^(no idea|not sure|idk|dunno|no clue|i'm not sure|im not sure|i have no idea)\b", RegexOptions.CultureInvariant)]
    private static partial Regex DontKnow();
}
