namespace CoachBot.Coaching.Topics;

/// <summary>
/// The n-grams a topic model knows, and how a message becomes its sparse feature vector. Indices run over
/// <see cref="Words"/> first, then <see cref="Chars"/>. Each known gram adds 1/√n to its feature, where n counts every
/// gram of its kind in the message, known or not: word and character evidence weigh the same whatever the length, and
/// a message made mostly of unknown words gets small features, so its guess stays near the prior and unconfident.
/// </summary>
public sealed class TopicVocabulary
{
    /// <summary>Room <see cref="Vectorize"/> may need for any message.</summary>
    public static int MaxEntries => TopicFeatures.MaxFeatures;

    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _words;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _chars;

    public TopicVocabulary(IReadOnlyList<string> words, IReadOnlyList<string> chars)
    {
        Words = words;
        Chars = chars;
        _words = Index(words, 0).GetAlternateLookup<ReadOnlySpan<char>>();
        _chars = Index(chars, words.Count).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IReadOnlyList<string> Words { get; }

    public IReadOnlyList<string> Chars { get; }

    public int Count => Words.Count + Chars.Count;

    /// <summary>
    /// Writes the message's known features into the two spans (each at least <see cref="MaxEntries"/> long) and returns
    /// how many; an index repeats when its gram does. Returns -1 when the message has no words at all.
    /// </summary>
    public int Vectorize(string text, Span<int> indices, Span<float> values)
    {
        var collector = new Collector(this, indices);
        if (!TopicFeatures.Visit(text, ref collector)) return -1;
        var wordValue = 1f / MathF.Sqrt(collector.Words);
        var charValue = 1f / MathF.Sqrt(collector.Chars);
        for (var i = 0; i < collector.Count; i++) values[i] = indices[i] < Words.Count ? wordValue : charValue;
        return collector.Count;
    }

    private static Dictionary<string, int> Index(IReadOnlyList<string> grams, int first)
    {
        var index = new Dictionary<string, int>(grams.Count, StringComparer.Ordinal);
        for (var i = 0; i < grams.Count; i++) index.Add(grams[i], first + i);
        return index;
    }

    private ref struct Collector : IGramVisitor
    {
        private readonly TopicVocabulary _vocabulary;
        private readonly Span<int> _indices;

        public Collector(TopicVocabulary vocabulary, Span<int> indices)
        {
            _vocabulary = vocabulary;
            _indices = indices;
        }

        public int Count { get; private set; }

        public int Words { get; private set; }

        public int Chars { get; private set; }

        public void Word(ReadOnlySpan<char> gram)
        {
            Words++;
            if (_vocabulary._words.TryGetValue(gram, out var index)) _indices[Count++] = index;
        }

        public void CharGram(ReadOnlySpan<char> gram)
        {
            Chars++;
            if (_vocabulary._chars.TryGetValue(gram, out var index)) _indices[Count++] = index;
        }
    }
}
