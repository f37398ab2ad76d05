namespace CoachBot.Coaching.Topics;

/// <summary>
/// One entry of CoachBot's coaching taxonomy. <see cref="Id"/> is stable (stored and aggregated);
/// <see cref="Phrase"/> is how a question refers to it ("the price pushback").
/// </summary>
/// <param name="Cues">
/// Lower-case cue phrases, matched on whole words (see <see cref="TopicDetector"/>): a word ending in <c>*</c>
/// matches any word starting with it ("negotiat*" matches "negotiating"); other words also match their plural.
/// </param>
public sealed record Topic(string Id, string Name, string Phrase, IReadOnlyList<string> Cues);
