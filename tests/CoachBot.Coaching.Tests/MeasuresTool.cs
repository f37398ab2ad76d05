using System.Diagnostics;
using System.Globalization;
using System.Text;
using CoachBot.Coaching.Dialogue;
using CoachBot.Coaching.Tests.Corpus;

namespace CoachBot.Coaching.Tests;

/// <summary>
/// The engine's measures over the corpus (issue 4). Writes coaching-measures.md next to the test assembly; the figures in
/// docs/coaching.md come from it. Asserts the targets, never the timing (which depends on the machine).
/// </summary>
public class MeasuresTool
{
    [Fact]
    public void Compute_and_write_the_measures()
    {
        // 1. Question share and leaks over the scripted corpus conversations.
        int coachingTurns = 0, endsInQuestion = 0, leaks = 0, guardFails = 0, conversations = 0, allTurns = 0;
        foreach (var script in Conversations.Scripts())
        {
            conversations++;
            foreach (var t in Conversations.Run(script))
            {
                allTurns++;
                if (!t.Reply.Kind.IsCoachingTurn()) continue;
                coachingTurns++;
                if (t.Reply.Text.TrimEnd().EndsWith('?')) endsInQuestion++;
                if (Conversations.IsLeak(t.Reply.Text)) leaks++;
                if (!AnswerGuard.IsCoachingSafe(t.Reply.Text)) guardFails++;
            }
        }

        // 2. Cooperating reps: how many reach a stated, dated plan within six bot turns.
        var openers = CorpusFiles.ReadLabelled("topics.tsv").Where(l => l.Label != "none").Select(l => l.Text).ToList();
        var reached = 0;
        var turnsToPlan = new List<int>();
        for (var i = 0; i < openers.Count; i++)
        {
            var n = CooperatingRep(openers[i], i);
            if (n is { } k) turnsToPlan.Add(k);
            if (n is <= 6) reached++;
        }

        // 3. Topic accuracy.
        var (accuracy, labelled, _) = TopicAccuracyTests.Measure("topics.tsv");
        var (holdout, holdoutCount, holdoutMisses) = TopicAccuracyTests.Measure("topics-holdout.tsv");

        // 4. Engine time per turn (informative only).
        var msgs = Conversations.RepMessages;
        var sw = Stopwatch.StartNew();
        var timed = 0;
        var state = CoachingState.New;
        for (var r = 0; r < 20; r++)
        {
            foreach (var m in msgs)
            {
                state = CoachingEngine.Respond(state, m, Conversations.Today).State;
                timed++;
            }
        }
        sw.Stop();
        var perTurnUs = sw.Elapsed.TotalMicroseconds / timed;

        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(inv, $"| measure | value |");
        sb.AppendLine("|---|---|");
        sb.AppendLine(inv, $"| corpus messages | {msgs.Count} |");
        sb.AppendLine(inv, $"| scripted conversations / turns | {conversations} / {allTurns} |");
        sb.AppendLine(inv, $"| coaching turns ending in a question | {endsInQuestion}/{coachingTurns} = {(double)endsInQuestion / coachingTurns:P2} |");
        sb.AppendLine(inv, $"| answer leaks (test leak list) | {leaks} |");
        sb.AppendLine(inv, $"| coaching turns failing AnswerGuard | {guardFails} |");
        sb.AppendLine(inv, $"| cooperating reps reaching a dated plan in ≤ 6 bot turns | {reached}/{openers.Count} = {(double)reached / openers.Count:P1} |");
        sb.AppendLine(inv, $"| bot turns to plan (min / mean / max) | {turnsToPlan.Min()} / {turnsToPlan.Average():F2} / {turnsToPlan.Max()} |");
        sb.AppendLine(inv, $"| topic accuracy, labelled set (tuned on) | {accuracy:P1} of {labelled} |");
        sb.AppendLine(inv, $"| topic accuracy, held-out set | {holdout:P1} of {holdoutCount} |");
        sb.AppendLine(inv, $"| engine time per turn (Stopwatch, {timed} turns, this machine) | {perTurnUs:F1} µs |");
        sb.AppendLine();
        sb.AppendLine("Held-out misses:");
        foreach (var m in holdoutMisses) sb.AppendLine("- " + m);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "coaching-measures.md"), sb.ToString());

        Assert.Equal(coachingTurns, endsInQuestion);
        Assert.Equal(0, leaks);
        Assert.Equal(0, guardFails);
        // Reps who give one thin answer and then a plan without a day take 7 turns; the rest reach a plan in 4–6.
        Assert.True((double)reached / openers.Count >= 0.80, sb.ToString());
        Assert.True(accuracy >= TopicAccuracyTests.Floor);
        // The held-out figure is reported, not asserted: it shows how far keyword cues generalise (see docs/coaching.md).
    }

    private static readonly string[] RealityAnswers =
    [
        "I sent two follow-up emails and left a voicemail",
        "I talked to my contact and she said she'd get back to me",
        "not much",
        "I showed them the ROI numbers and asked what they thought",
        "We had one call last week where it came up",
    ];

    private static readonly string[] GoalAnswers =
    [
        "A clear yes or no by the end of the month",
        "I want a meeting with the decision maker",
        "a signed deal",
        "For them to agree to a pilot",
    ];

    private static readonly string[] OptionAnswers =
    [
        "Maybe go through my champion, or call the CFO directly",
        "I could send a short summary of the value and ask for a call",
        "ask my manager",
        "I'll call the CFO by Thursday",
    ];

    private static readonly string[] WillAnswers =
    [
        "I'll call the CFO by Thursday",
        "Send the summary email tomorrow",
        "I'll ask for the meeting",
        "Friday",
        "I will book the pilot kickoff by end of week",
    ];

    /// <summary>A rep who answers every question (sometimes thinly, sometimes without a date); bot turns until the plan is confirmed.</summary>
    private static int? CooperatingRep(string opener, int variant)
    {
        var reply = CoachingEngine.Respond(CoachingState.New, opener, Conversations.Today);
        var botTurns = 1;
        while (botTurns < 12)
        {
            if (reply.Kind == ReplyKind.PlanConfirmed) return botTurns;
            var s = reply.State;
            var answer = s.AwaitingReply switch
            {
                Awaiting.DueDate => "by Friday",
                Awaiting.PlanForDate => "call the CFO",
                _ => s.Stage switch
                {
                    CoachingStage.Idle or CoachingStage.Committed => opener + " and I'm not sure what to do",
                    CoachingStage.Reality => s.StageQuestions > 1 ? RealityAnswers[0] : RealityAnswers[variant % RealityAnswers.Length],
                    CoachingStage.Goal => s.StageQuestions > 1 ? GoalAnswers[0] : GoalAnswers[variant % GoalAnswers.Length],
                    CoachingStage.Options => s.StageQuestions > 1 ? OptionAnswers[0] : OptionAnswers[(variant / 2) % OptionAnswers.Length],
                    _ => WillAnswers[variant % WillAnswers.Length],
                },
            };
            reply = CoachingEngine.Respond(s, answer, Conversations.Today);
            botTurns++;
        }
        return reply.Kind == ReplyKind.PlanConfirmed ? botTurns : null;
    }
}
