using System.Buffers;

namespace CoachBot.Coaching.Topics;

/// <summary>Receives the features of a message, in order, repeats included.</summary>
public interface IGramVisitor
{
    /// <summary>A word, a pair of adjacent words ("too expensive"), or a taxonomy cue key (<see cref="TopicFeatures.CueKey"/>).</summary>
    void Word(ReadOnlySpan<char> gram);

    /// <summary>A run of <see cref="TopicFeatures.CharGramLength"/> characters, spaces included, so it spans word edges.</summary>
    void CharGram(ReadOnlySpan<char> gram);
}

/// <summary>
/// What the topic model reads in a message. The trainer and the app both go through here, so the features a model
/// was trained on are the ones it is given in production. Words carry meaning ("procurement", "went dark"); character
/// trigrams carry typos, stems and slang ("negoshiate", "ghosting"); and each taxonomy topic whose cue phrases
/// occur (<see cref="TopicDetector"/>) adds one more feature, whose weight the model learns like any other.
/// </summary>
public static class TopicFeatures
{
    /// <summary>Only the start of a long paste is read: the situation is stated first, and time stays bounded.</summary>
    public const int MaxChars = 1000;

    /// <summary>Room <see cref="Normalise"/> needs for any input.</summary>
    public const int BufferLength = MaxChars + 2;

    /// <summary>Trigrams: 4-grams added half a point of cross-validated accuracy and tripled the model file.</summary>
    public const int CharGramLength = 3;

    /// <summary>Most features one message can have: words and pairs, cue keys, trigrams.</summary>
    public static int MaxFeatures { get; } = (2 * BufferLength) + TopicTaxonomy.All.Count;

    private static readonly Dictionary<string, string> CueKeys = TopicTaxonomy.All.ToDictionary(t => t.Id, t => "§" + t.Id);

    /// <summary>The feature for "this topic's cue phrases occur"; '§' never survives <see cref="Normalise"/>, so no word can clash.</summary>
    public static string CueKey(Topic topic) => CueKeys[topic.Id];

    /// <summary>
    /// Writes the normalised message into <paramref name="into"/> (at least <see cref="BufferLength"/> long) and returns its
    /// length: lower case, apostrophes dropped ("don't" → "dont"), each run of digits as one "0" (so "25 %" and "30 %"
    /// read alike), anything else (punctuation, emoji, markup) as one space, with one space at each end. A result of
    /// length 1 has no words.
    /// </summary>
    public static int Normalise(ReadOnlySpan<char> text, Span<char> into)
    {
        if (text.Length > MaxChars) text = text[..MaxChars];
        var n = 0;
        into[n++] = ' ';
        foreach (var c in text)
        {
            if (c is '\'' or '’' or '‘') continue;
            if (char.IsDigit(c))
            {
                if (into[n - 1] != '0') into[n++] = '0';
            }
            else if (char.IsLetter(c)) into[n++] = char.ToLowerInvariant(c);
            else if (into[n - 1] != ' ') into[n++] = ' ';
        }
        if (into[n - 1] != ' ') into[n++] = ' ';
        return n;
    }

    /// <summary>
    /// Visits every word, adjacent word pair, cue key and character trigram of the first <see cref="MaxChars"/>
    /// characters. Returns false, visiting nothing, when the text has no words (empty, whitespace, emoji only).
    /// </summary>
    public static bool Visit<TVisitor>(string text, ref TVisitor visitor)
        where TVisitor : IGramVisitor, allows ref struct
    {
        if (text.Length > MaxChars) text = text[..MaxChars];
        var buffer = ArrayPool<char>.Shared.Rent(BufferLength);
        try
        {
            var normalised = buffer.AsSpan(0, Normalise(text, buffer));
            if (normalised.Length <= 1) return false;
            var previous = -1;
            for (var start = 1; start < normalised.Length;)
            {
                var end = start + normalised[start..].IndexOf(' ');
                visitor.Word(normalised[start..end]);
                if (previous >= 0) visitor.Word(normalised[previous..end]);
                previous = start;
                start = end + 1;
            }
            foreach (var (topic, _) in TopicDetector.Rank(text)) visitor.Word(CueKey(topic));
            for (var i = 0; i + CharGramLength <= normalised.Length; i++) visitor.CharGram(normalised.Slice(i, CharGramLength));
            return true;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
