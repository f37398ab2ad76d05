namespace CoachBot.Coaching.Dialogue;

/// <summary>
/// A rep's commitment, ready for the host to store and render as a card. All text is the rep's own words.
/// </summary>
/// <param name="Plan">What the rep will do, as they said it (at most 500 characters).</param>
/// <param name="Due">The rep-local day it is due; the follow-up is sent then.</param>
/// <param name="TopicId">The taxonomy topic (<see cref="Topics.TopicTaxonomy"/>), if one was found.</param>
/// <param name="Situation">The rep's opening description of the situation (at most 300 characters).</param>
/// <param name="Goal">The rep's answer at the Goal stage (at most 300 characters).</param>
/// <param name="MadeOn">The rep-local day the plan was made.</param>
public sealed record Commitment(string Plan, DateOnly Due, string? TopicId, string? Situation, string? Goal, DateOnly MadeOn)
{
    public string? TopicName => TopicId is null ? null : Topics.TopicTaxonomy.Find(TopicId)?.Name;
}
