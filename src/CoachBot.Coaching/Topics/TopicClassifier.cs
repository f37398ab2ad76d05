namespace CoachBot.Coaching.Topics;

/// <summary>The topic a message is most likely about, with the classifier's confidence (0–1). Topic is null for "not a sales topic".</summary>
public readonly record struct TopicGuess(Topic? Topic, float Confidence)
{
    /// <summary>True when the guess is a topic and confident enough to fill a topic-specific question.</summary>
    public bool IsConfident => Topic is not null && Confidence >= TopicClassifier.ConfidentAt;
}

/// <summary>
/// Classifies a rep's message into the coaching taxonomy with the trained model embedded in this assembly
/// (tools/TopicTrainer writes it; docs/coaching.md, "Topic classifier"). The model is read once, on first use, and
/// never trained here; it is immutable, so concurrent turns share it.
/// </summary>
public static class TopicClassifier
{
    private static readonly TopicModel Model = TopicModel.LoadEmbedded();

    /// <summary>Below this confidence the engine asks topic-neutral questions in the rep's own words.</summary>
    public static float ConfidentAt => Model.ConfidentAt;

    /// <summary>Reads at most the first <see cref="TopicFeatures.MaxChars"/> characters.</summary>
    public static TopicGuess Classify(string? text) => Model.Classify(text);
}
