using CoachBot.Coaching.Topics;

namespace CoachBot.Tools.TopicTrainer;

/// <summary>
/// Keeps the n-grams that occur in at least <see cref="MinMessages"/> training messages: a gram seen once cannot be
/// told apart from noise, and dropping them keeps the model small.
/// </summary>
internal static class VocabularyBuilder
{
    public const int MinMessages = 2;

    /// <summary>
    /// The vocabulary and each feature's inverse document frequency, log((N+1)/(df+1)) + 1 as in common TF-IDF: the
    /// trainer scales features by it, so a rare gram needs less evidence than "how do i", and folds it into the exported
    /// weights, so the app never needs it.
    /// </summary>
    public static (TopicVocabulary Vocabulary, float[] Idf) Build(IReadOnlyCollection<string> texts)
    {
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        var chars = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            var grams = new GramSet();
            TopicFeatures.Visit(text, ref grams);
            foreach (var w in grams.Words) words[w] = words.GetValueOrDefault(w) + 1;
            foreach (var c in grams.Chars) chars[c] = chars.GetValueOrDefault(c) + 1;
        }
        var vocabulary = new TopicVocabulary(Kept(words), Kept(chars));
        float Idf(int df) => MathF.Log((texts.Count + 1f) / (df + 1f)) + 1f;
        return (vocabulary, [.. vocabulary.Words.Select(w => Idf(words[w])), .. vocabulary.Chars.Select(c => Idf(chars[c]))]);
    }

    private static List<string> Kept(Dictionary<string, int> counts) =>
        [.. counts.Where(c => c.Value >= MinMessages).Select(c => c.Key).Order(StringComparer.Ordinal)];

    private readonly struct GramSet() : IGramVisitor
    {
        public HashSet<string> Words { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Chars { get; } = new(StringComparer.Ordinal);

        public void Word(ReadOnlySpan<char> gram) => Words.Add(gram.ToString());

        public void CharGram(ReadOnlySpan<char> gram) => Chars.Add(gram.ToString());
    }
}
