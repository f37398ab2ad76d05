using System.Text;

namespace CoachBot.Coaching.Topics;

/// <summary>
/// Finds the taxonomy topic a rep's message is about, or none. Matching is on whole words of normalised text
/// (lower case, apostrophes dropped, hyphens and punctuation as spaces): "pricing" does not match inside "surprising",
/// "ghosted" matches the stem cue "ghost*", and a plain cue word also matches its plural. A cue of n words scores
/// 2n−1, so a phrase ("happy with", "going to miss") outweighs a stray single word; the highest score wins and ties go
/// to the earlier topic in <see cref="TopicTaxonomy.All"/>.
/// </summary>
public static class TopicDetector
{
    private sealed record CueWord(string Text, bool IsPrefix);

    private sealed record CompiledCue(CueWord[] Words, int Weight);

    private static readonly (Topic Topic, CompiledCue[] Cues)[] Compiled =
        [.. TopicTaxonomy.All.Select(t => (t, t.Cues.Select(c => string.Join(' ', Words(c))).Distinct(StringComparer.Ordinal).Select(Compile).ToArray()))];

    public static Topic? Detect(string? text)
    {
        var ranked = Rank(text);
        return ranked.Count == 0 ? null : ranked[0].Topic;
    }

    /// <summary>Every topic with a positive score, best first (ties in taxonomy order).</summary>
    public static IReadOnlyList<(Topic Topic, int Score)> Rank(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var words = Words(text);
        if (words.Length == 0) return [];
        var scored = new List<(Topic, int, int)>();
        for (var i = 0; i < Compiled.Length; i++)
        {
            var score = 0;
            foreach (var cue in Compiled[i].Cues)
            {
                if (Occurs(cue.Words, words)) score += cue.Weight;
            }
            if (score > 0) scored.Add((Compiled[i].Topic, score, i));
        }
        return [.. scored.OrderByDescending(s => s.Item2).ThenBy(s => s.Item3).Select(s => (s.Item1, s.Item2))];
    }

    /// <summary>Lower case; apostrophes removed ("don't" → "dont"); anything but letters and digits splits words.</summary>
    public static string[] Words(string text)
    {
        var sb = new StringBuilder(Math.Min(text.Length, 4000));
        foreach (var c in text.Length > 4000 ? text[..4000] : text)
        {
            if (c is '\'' or '’' or '‘') continue;
            sb.Append(char.IsLetterOrDigit(c) || c == '*' ? char.ToLowerInvariant(c) : ' ');
        }
        return sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private static CompiledCue Compile(string cue)
    {
        var words = Words(cue).Select(w => w.EndsWith('*') ? new CueWord(w.TrimEnd('*'), true) : new CueWord(w, false)).ToArray();
        return new CompiledCue(words, (2 * words.Length) - 1);
    }

    private static bool Occurs(CueWord[] cue, string[] words)
    {
        for (var start = 0; start + cue.Length <= words.Length; start++)
        {
            var all = true;
            for (var j = 0; j < cue.Length && all; j++) all = WordMatches(cue[j], words[start + j]);
            if (all) return true;
        }
        return false;
    }

    private static bool WordMatches(CueWord cue, string word) =>
        cue.IsPrefix
            ? word.StartsWith(cue.Text, StringComparison.Ordinal)
            : word == cue.Text
              || (word.Length == cue.Text.Length + 1 && word[^1] == 's' && word.StartsWith(cue.Text, StringComparison.Ordinal))
              || (word.Length == cue.Text.Length + 2 && word.EndsWith("es", StringComparison.Ordinal) && word.StartsWith(cue.Text, StringComparison.Ordinal));
}
