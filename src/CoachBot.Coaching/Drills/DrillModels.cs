namespace CoachBot.Coaching.Drills;

/// <summary>The team's messaging library and the practice cards built on it (content/drills.json).</summary>
/// <param name="Version">Schema version; 1 is the only one.</param>
/// <param name="Product">What is being sold, in a few words.</param>
/// <param name="ValueProposition">The concise value proposition reps should be able to say fluently.</param>
/// <param name="Differentiators">What sets the product apart.</param>
/// <param name="Insights">Insights that tee up better questions.</param>
public sealed record DrillLibrary(
    int Version,
    string Product,
    string ValueProposition,
    IReadOnlyList<string> Differentiators,
    IReadOnlyList<string> Insights,
    IReadOnlyList<DrillCard> Cards)
{
    public DrillCard? Find(string id) => Cards.FirstOrDefault(c => c.Id == id);
}

/// <summary>One practice card: the bot plays the buyer's prompt, the rep answers in their own words.</summary>
/// <param name="Id">Stable slug (lower case, digits, hyphens); progress is stored against it.</param>
/// <param name="Kind">One of <see cref="DrillKinds.All"/>.</param>
/// <param name="KeyPoints">The team's points a good answer covers, shown after the rep's attempt to compare with.</param>
public sealed record DrillCard(string Id, string Kind, string Title, string BuyerPrompt, IReadOnlyList<string> KeyPoints);

public static class DrillKinds
{
    public const string ValueProposition = "value-proposition";
    public const string Differentiator = "differentiator";
    public const string Insight = "insight";
    public const string Objection = "objection";
    public const string Question = "question";

    public static IReadOnlyList<string> All { get; } = [ValueProposition, Differentiator, Insight, Objection, Question];
}

/// <summary>A drill in progress, persisted in <see cref="Dialogue.CoachingState.Drill"/>.</summary>
/// <param name="Step"><see cref="DrillStep"/> constants.</param>
public sealed record DrillSession(string CardId, string Title, string BuyerPrompt, IReadOnlyList<string> KeyPoints, string Step, int? Rating, int Attempts);

public static class DrillStep
{
    public const string AwaitingAnswer = "answer";
    public const string AwaitingRating = "rating";
    public const string AwaitingImprovement = "improvement";
}

/// <summary>Spaced-repetition state of one card for one rep (Leitner box 1–<see cref="DrillScheduler.MaxBox"/>).</summary>
/// <param name="LastNote">The rep's answer to "what would make it a 5?" (their own words, at most 300 characters).</param>
public sealed record DrillCardProgress(string CardId, int Box, DateOnly Due, int LastRating, int Repetitions, DateOnly LastPracticed, string? LastNote);
