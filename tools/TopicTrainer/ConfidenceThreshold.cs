namespace CoachBot.Tools.TopicTrainer;

/// <summary>
/// Chooses <c>ConfidentAt</c> on the validation split: the lowest confidence (0.01 steps) from which on a topic guess
/// is right at least <see cref="Precision"/> of the time — at that step and at every higher step that still has
/// <see cref="MinGuesses"/> guesses, so one lucky step cannot pull it down. A message labelled "none" that gets a topic
/// counts as wrong.
/// </summary>
internal static class ConfidenceThreshold
{
    public const double Precision = 0.90;

    public const int MinGuesses = 10;

    public static float Choose(List<Guess> validation)
    {
        var topicGuesses = validation.Where(g => g.Predicted != CoachBot.Coaching.Topics.TopicModel.NoTopic).ToList();
        var chosen = 0.99f;
        for (var step = 99; step >= 1; step--)
        {
            var at = step / 100f;
            var above = topicGuesses.Where(g => g.Confidence >= at).ToList();
            if (above.Count < MinGuesses) continue;
            if ((double)above.Count(g => g.Correct) / above.Count < Precision) break;
            chosen = at;
        }
        return chosen;
    }
}

/// <summary>One validation message: its label, the model's label and confidence.</summary>
internal readonly record struct Guess(string Label, string Predicted, float Confidence, string Text)
{
    public bool Correct => Label == Predicted;
}
