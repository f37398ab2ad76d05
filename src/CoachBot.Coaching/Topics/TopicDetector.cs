namespace CoachBot.Coaching.Topics;

/// <summary>Finds the taxonomy topic a rep's message is about, or none.</summary>
public static class TopicDetector
{
    public static Topic? Detect(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var lower = text.ToLowerInvariant();
        Topic? best = null;
        var bestScore = 0;
        foreach (var topic in TopicTaxonomy.All)
        {
            var score = 0;
            foreach (var cue in topic.Cues)
            {
                if (lower.Contains(cue, StringComparison.Ordinal)) score += cue.Length > 6 ? 2 : 1;
            }
            if (score > bestScore)
            {
                best = topic;
                bestScore = score;
            }
        }
        return best;
    }
}
