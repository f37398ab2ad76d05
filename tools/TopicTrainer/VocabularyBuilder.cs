using CoachBot.Coaching.Topics;

namespace CoachBot.Tools.TopicTrainer;

/// <summary>
/// Keeps the n-grams that occur in at least <see cref="MinMessages"/> training messages: a gram seen once cannot be
/// told apart from noise, and dropping them keeps the model small.
/// </summary>
internal static class VocabularyBuilder
{
    public const int MinMessages = 2;

    public static TopicVocabulary Build(IEnumerable<string> texts)
    {
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        var chars = new Dictionary<string, int>(StringComparer.Ordinal);
        var buffer = new char[TopicFeatures.BufferLength];
        foreach (var text in texts)
        {
            var grams = new GramSet();
            TopicFeatures.Visit(buffer.AsSpan(0, TopicFeatures.Normalise(text, buffer)), ref grams);
            foreach (var w in grams.Words) words[w] = words.GetValueOrDefault(w) + 1;
            foreach (var c in grams.Chars) chars[c] = chars.GetValueOrDefault(c) + 1;
        }
        return new TopicVocabulary(Kept(words), Kept(chars));
    }

    private static List<string> Kept(Dictionary<string, int> counts) =>
        [.. counts.Where(c => c.Value >= MinMessages).Select(c => c.Key).Order(StringComparer.Ordinal)];

    private readonly struct GramSet() : IGramVisitor
    {
        public HashSet<string> Words { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Chars { get; } = new(StringComparer.Ordinal);

        public void Word(ReadOnlySpan<char> gram) => Words.Add(gram.ToString());

        public void Trigram(ReadOnlySpan<char> gram) => Chars.Add(gram.ToString());
    }
}
