namespace CoachBot.Coaching.Topics;

/// <summary>The topic a message is most likely about, with the classifier's confidence (0–1). Topic is null for "not a sales topic".</summary>
public readonly record struct TopicGuess(Topic? Topic, float Confidence)
{
    /// <summary>True when the guess is a topic and confident enough to fill a topic-specific question.</summary>
    public bool IsConfident => Topic is not null && Confidence >= TopicClassifier.ConfidentAt;
}

/// <summary>
/// Classifies a rep's message into the coaching taxonomy. This seam delegates to the keyword <see cref="TopicDetector"/>
/// until the trained model replaces its body; callers depend only on <see cref="Classify"/> and <see cref="ConfidentAt"/>.
/// </summary>
public static class TopicClassifier
{
    /// <summary>Below this confidence the engine asks topic-neutral questions in the rep's own words.</summary>
    public const float ConfidentAt = 0.5f;

    public static TopicGuess Classify(string? text) =>
        TopicDetector.Detect(text) is { } topic ? new TopicGuess(topic, 1f) : new TopicGuess(null, 0f);
}
