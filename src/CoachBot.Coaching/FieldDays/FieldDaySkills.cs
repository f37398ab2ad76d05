using CoachBot.Coaching.Drills;

namespace CoachBot.Coaching.FieldDays;

/// <summary>A skill a manager can watch on a field day and name as the one thing to improve.</summary>
/// <param name="TopicId">The coaching topic the improvement is coached on (<see cref="Topics.TopicTaxonomy"/>).</param>
/// <param name="DrillKind">The practice-card kind that rehearses it (<see cref="DrillKinds"/>), when the library has one.</param>
public sealed record FieldDaySkill(string Id, string Name, string? TopicId, string? DrillKind);

/// <summary>The skills offered on the prep and debrief cards; ids are stored, so they stay stable.</summary>
public static class FieldDaySkills
{
    public static IReadOnlyList<FieldDaySkill> All { get; } =
    [
        new("discovery", "Discovery questions", "discovery", DrillKinds.Question),
        new("value", "Value proposition", "demo", DrillKinds.ValueProposition),
        new("differentiation", "Differentiation", "objection-competitor", DrillKinds.Differentiator),
        new("insight", "Leading with insight", "discovery", DrillKinds.Insight),
        new("objections", "Handling objections", "objection-price", DrillKinds.Objection),
        new("stakeholders", "Reaching the decision makers", "stakeholders", null),
        new("closing", "Asking for the commitment", "closing", null),
        new("next-steps", "Agreeing next steps", "stalled-deal", null),
    ];

    public static FieldDaySkill? Find(string? id) => All.FirstOrDefault(s => s.Id == id);

    /// <summary>The practice card for a skill: the first of its kind in the library, or null when it has none.</summary>
    public static DrillCard? DrillFor(FieldDaySkill skill, DrillLibrary? library)
    {
        ArgumentNullException.ThrowIfNull(skill);
        return skill.DrillKind is { } kind ? library?.Cards.FirstOrDefault(c => c.Kind == kind) : null;
    }
}
