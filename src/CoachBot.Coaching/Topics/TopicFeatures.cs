namespace CoachBot.Coaching.Topics;

/// <summary>Receives the n-grams of a normalised message, in order, repeats included.</summary>
public interface IGramVisitor
{
    /// <summary>A word or a pair of adjacent words ("too expensive").</summary>
    void Word(ReadOnlySpan<char> gram);

    /// <summary>A run of <see cref="TopicFeatures.CharGram"/> characters, spaces included, so it spans word edges.</summary>
    void Trigram(ReadOnlySpan<char> gram);
}

/// <summary>
/// What the topic model reads in a message. The trainer and the app both go through here, so the features a model
/// was trained on are the ones it is given in production. Words carry meaning ("procurement", "went dark"); character
/// trigrams carry typos, stems and slang ("negoshiate", "ghosting").
/// </summary>
public static class TopicFeatures
{
    /// <summary>Only the start of a long paste is read: the situation is stated first, and time stays bounded.</summary>
    public const int MaxChars = 1000;

    public const int CharGram = 3;

    /// <summary>Room <see cref="Normalise"/> needs for any input.</summary>
    public const int BufferLength = MaxChars + 2;

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

    /// <summary>Visits every word, every adjacent word pair and every character trigram of a normalised message.</summary>
    public static void Visit<TVisitor>(ReadOnlySpan<char> normalised, ref TVisitor visitor)
        where TVisitor : IGramVisitor, allows ref struct
    {
        var previous = -1;
        for (var start = 1; start < normalised.Length;)
        {
            var end = start + normalised[start..].IndexOf(' ');
            visitor.Word(normalised[start..end]);
            if (previous >= 0) visitor.Word(normalised[previous..end]);
            previous = start;
            start = end + 1;
        }
        for (var i = 0; i + CharGram <= normalised.Length; i++) visitor.Trigram(normalised.Slice(i, CharGram));
    }
}
