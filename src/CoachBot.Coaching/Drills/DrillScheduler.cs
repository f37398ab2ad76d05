namespace CoachBot.Coaching.Drills;

/// <summary>
/// Leitner boxes for practice cards. A self-rating of 4–5 moves a card up one box, 3 keeps it where it is, 1–2 sends it
/// back to box 1; the box sets the days until the card comes back (<see cref="IntervalDays"/>).
/// <para>Why Leitner and not SM-2: the only signal is a rep's 1–5 confidence rating, which is coarse and noisy. SM-2 turns every
/// rating into a per-card ease factor that drifts (a few low ratings leave a card "stuck" for good), needs more state and is
/// hard to explain. Five boxes with fixed intervals are robust to noisy ratings, take two numbers to store, and a manager can
/// read them ("box 4: comes back in two weeks").</para>
/// </summary>
public static class DrillScheduler
{
    public const int MaxBox = 5;

    /// <summary>Days until the next repetition, by box (index 1–5): 1, 3, 7, 14, 30.</summary>
    public static IReadOnlyList<int> IntervalDays { get; } = [0, 1, 3, 7, 14, 30];

    public static DrillCardProgress Schedule(DrillCardProgress? previous, string cardId, int rating, DateOnly today, string? note = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rating, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rating, 5);
        var box = previous?.Box ?? 1;
        box = rating switch
        {
            >= 4 => Math.Min(MaxBox, previous is null ? 2 : box + 1),
            3 => box,
            _ => 1,
        };
        return new DrillCardProgress(cardId, box, today.AddDays(IntervalDays[box]), rating, (previous?.Repetitions ?? 0) + 1, today, note);
    }

    /// <summary>
    /// The card to practise next: the most overdue due card; else the first card never practised (library order);
    /// else the card due soonest (practising ahead). Null only for an empty library.
    /// </summary>
    public static DrillCard? PickNext(DrillLibrary library, IReadOnlyList<DrillCardProgress> progress, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(progress);
        var byId = progress.GroupBy(p => p.CardId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var known = library.Cards.Where(c => byId.ContainsKey(c.Id)).Select(c => (Card: c, P: byId[c.Id])).ToList();
        var due = known.Where(k => k.P.Due <= today).OrderBy(k => k.P.Due).ThenBy(k => k.P.Box).FirstOrDefault();
        if (due.Card is not null) return due.Card;
        var fresh = library.Cards.FirstOrDefault(c => !byId.ContainsKey(c.Id));
        if (fresh is not null) return fresh;
        return known.OrderBy(k => k.P.Due).ThenBy(k => k.P.Box).Select(k => k.Card).FirstOrDefault();
    }

    /// <summary>The progress list with one card's entry replaced (or added).</summary>
    public static IReadOnlyList<DrillCardProgress> Upsert(IReadOnlyList<DrillCardProgress> progress, DrillCardProgress entry) =>
        [.. progress.Where(p => p.CardId != entry.CardId), entry];
}
