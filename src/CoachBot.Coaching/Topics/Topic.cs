namespace CoachBot.Coaching.Topics;

/// <summary>
/// One entry of CoachBot's coaching taxonomy. <see cref="Id"/> is stable (stored and aggregated);
/// <see cref="Phrase"/> is how a question refers to it ("the price pushback").
/// </summary>
public sealed record Topic(string Id, string Name, string Phrase, IReadOnlyList<string> Cues);
