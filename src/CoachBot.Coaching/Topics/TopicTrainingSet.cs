namespace CoachBot.Coaching.Topics;

/// <summary>
/// The labelled messages a topic model is trained on (content/topics/training.tsv) and its fixed validation split.
/// The split hashes each message's normalised text, so it needs no stored list, does not move when lines are added,
/// and puts near-identical lines (case, punctuation) on the same side. The trainer and the tests share it.
/// </summary>
public static class TopicTrainingSet
{
    public const int ValidationPercent = 15;

    /// <summary>Part of the hash, so a different seed gives a different split.</summary>
    public const uint Seed = 2026;

    /// <summary>Tab-separated label and text; blank lines and # comments are skipped.</summary>
    public static IReadOnlyList<(string Label, string Text)> Parse(IEnumerable<string> lines) =>
        [.. lines
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t', 2))
            .Select(p => p.Length == 2 ? (p[0].Trim(), p[1]) : throw new FormatException($"not label<TAB>text: {p[0]}"))];

    /// <summary>The paths a sources list names (content/topics/sources.txt: one path per line from the repository root, # comments), in order.</summary>
    public static IReadOnlyList<string> Sources(IEnumerable<string> lines) =>
        [.. lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];

    public static bool IsValidation(string text)
    {
        Span<char> buffer = stackalloc char[TopicFeatures.BufferLength];
        var normalised = buffer[..TopicFeatures.Normalise(text, buffer)];
        var hash = 2166136261u ^ Seed;
        foreach (var c in normalised) hash = (hash ^ c) * 16777619u;
        return hash % 100 < ValidationPercent;
    }
}
