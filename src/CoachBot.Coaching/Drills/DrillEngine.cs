using System.Globalization;
using System.Text.RegularExpressions;
using CoachBot.Coaching.Dialogue;

namespace CoachBot.Coaching.Drills;

/// <summary>
/// Practice drills, coached like a sports coach: the bot plays the buyer, the rep answers in their own words, then
/// rates their own confidence, compares with the team's key points and says what would make it a 5; the card comes back
/// by <see cref="DrillScheduler"/>. The host calls <see cref="Start(CoachingState, DrillLibrary, DateOnly)"/>; the rep's
/// next messages go through <see cref="CoachingEngine.Respond(CoachingState, string?, DateOnly)"/> as usual, which hands
/// them here while <see cref="CoachingState.Drill"/> is set ("reset" or "stop" ends a drill early).
/// </summary>
public static partial class DrillEngine
{
    private const int MaxNoteChars = 300;

    public static CoachingReply Start(CoachingState state, DrillLibrary library, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(library);
        // A drill suggested for a field day's improvement comes first, once; then the spaced-repetition order.
        var suggested = state.SuggestedDrill is { } id ? library.Cards.FirstOrDefault(c => c.Id == id) : null;
        state = state with { SuggestedDrill = null };
        var card = suggested ?? DrillScheduler.PickNext(library, state.DrillProgress, today);
        if (card is null)
            return CoachingEngine.Ask(state with { Drill = null }, "There are no practice cards yet. ", "i-nodrill",
                "What deal or customer situation would you like to think through instead?", ReplyKind.CoachingQuestion);
        return Start(state, card);
    }

    public static CoachingReply Start(CoachingState state, DrillCard card)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(card);
        var session = new DrillSession(card.Id, card.Title, card.BuyerPrompt, card.KeyPoints, DrillStep.AwaitingAnswer, null, 0);
        return CoachingEngine.Ask(state with { Drill = session, AwaitingReply = null },
            $"Practice round: {CoachingEngine.Quote(card.Title, 80)}. I'm the buyer now: “{CoachingEngine.Quote(card.BuyerPrompt, 400)}” ",
            "dr-prompt", "How do you answer, in your own words?", ReplyKind.DrillPrompt);
    }

    public static CoachingReply Continue(CoachingState state, string text, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(state);
        var d = state.Drill ?? throw new ArgumentException("No drill is open.", nameof(state));
        var intent = RepIntent.Classify(text);
        switch (d.Step)
        {
            case DrillStep.AwaitingAnswer:
                if (intent is RepIntentKind.Empty or RepIntentKind.Insisting or RepIntentKind.DontKnow or RepIntentKind.Frustrated)
                {
                    var again = state with { Drill = d with { Attempts = d.Attempts + 1 } };
                    var lead = intent switch
                    {
                        RepIntentKind.Insisting => "Give it a go in your own words first; the team's key points come right after. ",
                        RepIntentKind.DontKnow => "That's what practice is for. ",
                        _ => "Take your time. ",
                    };
                    return d.Attempts == 0
                        ? CoachingEngine.Ask(again, lead, "dr-retry1", $"What's the first sentence you'd say to “{CoachingEngine.Quote(d.BuyerPrompt, 200)}”?", ReplyKind.DrillQuestion)
                        : CoachingEngine.Ask(again with { Drill = again.Drill! with { Step = DrillStep.AwaitingRating, Attempts = 0 } }, lead,
                            "dr-rate0", "On a scale of 1–5, how confident would you feel answering that today?", ReplyKind.DrillQuestion);
                }
                return CoachingEngine.Ask(state with { Drill = d with { Step = DrillStep.AwaitingRating, Attempts = 0 } }, "Out of role now. ",
                    "dr-rate", "On a scale of 1–5, how confident did that sound?", ReplyKind.DrillQuestion);

            case DrillStep.AwaitingRating:
                var rating = ParseRating(text);
                if (rating is null && d.Attempts == 0)
                {
                    return CoachingEngine.Ask(state with { Drill = d with { Attempts = 1 } }, "",
                        "dr-rate-again", "A number from 1 to 5 is enough: how confident did that sound?", ReplyKind.DrillQuestion);
                }
                var r = rating ?? 3;
                var points = string.Join("; ", d.KeyPoints.Select(p => $"“{CoachingEngine.Quote(p, 200)}”"));
                var next = state with { Drill = d with { Step = DrillStep.AwaitingImprovement, Rating = r, Attempts = 0 } };
                return r == 5
                    ? CoachingEngine.Ask(next, $"A 5. The team's key points for this one: {points}. ", "dr-keep", "Which of them did you get in, and what will keep it at a 5?", ReplyKind.DrillQuestion)
                    : CoachingEngine.Ask(next, $"The team's key points for this one: {points}. ", "dr-five", "What would make it a 5?", ReplyKind.DrillQuestion);

            default:
                var previous = state.DrillProgress.LastOrDefault(p => p.CardId == d.CardId);
                var note = intent is RepIntentKind.Empty ? null : CoachingEngine.Clip(text, MaxNoteChars);
                var progress = DrillScheduler.Schedule(previous, d.CardId, d.Rating ?? 3, today, note);
                var done = state with
                {
                    Drill = null,
                    DrillProgress = DrillScheduler.Upsert(state.DrillProgress, progress),
                    AwaitingReply = Awaiting.AnotherDrill,
                };
                var when = progress.Due == today.AddDays(1) ? "tomorrow" : "on " + CoachingEngine.FormatDate(progress.Due);
                return CoachingEngine.Ask(done, $"Logged: {progress.LastRating.ToString(CultureInfo.InvariantCulture)}/5. This one comes back {when} (box {progress.Box.ToString(CultureInfo.InvariantCulture)} of {DrillScheduler.MaxBox.ToString(CultureInfo.InvariantCulture)}). ",
                    "dr-again", "Another round now?", ReplyKind.DrillScheduled) with { Drill = progress };
        }
    }

    /// <summary>A 1–5 rating from "4", "4/5", "four", "8/10" (halved, rounded up) or "3 out of 5"; null when there is none.</summary>
    public static int? ParseRating(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.ToLowerInvariant();
        var ten = OutOfTen().Match(t);
        if (ten.Success && int.TryParse(ten.Groups[1].Value, CultureInfo.InvariantCulture, out var n10) && n10 is >= 0 and <= 10)
            return Math.Clamp((n10 + 1) / 2, 1, 5);
        var digit = OneToFive().Match(t);
        if (digit.Success) return digit.Groups[1].Value[0] - '0';
        var word = Words().Match(t);
        return word.Success ? Array.IndexOf(RatingWords, word.Groups[1].Value) + 1 : null;
    }

    private static readonly string[] RatingWords = ["one", "two", "three", "four", "five"];

    [GeneratedRegex(@"\b(\d{1,2})\s*(/|out of|of)\s*10\b")]
    private static partial Regex OutOfTen();

    [GeneratedRegex(@"(?<![\d.,])\b([1-5])\b(?![\d.,]\d)(?!\s*(/|out of)\s*10)")]
    private static partial Regex OneToFive();

    [GeneratedRegex(@"\b(one|two|three|four|five)\b")]
    private static partial Regex Words();
}
