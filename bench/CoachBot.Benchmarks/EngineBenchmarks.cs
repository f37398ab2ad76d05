using BenchmarkDotNet.Attributes;
using CoachBot.Coaching.Dialogue;

namespace CoachBot.Benchmarks;

/// <summary>One coaching turn (CoachingEngine.Respond, pure, no I/O) at three points of a conversation.</summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly string[] Script = ["Client ghosted me after the demo", "Two emails and a voicemail, nothing back", "A clear yes or no by end of month", "Go through my champion or call the CFO", "I'll call the CFO by Thursday"];
    private readonly CoachingState[] _states = new CoachingState[Script.Length];

    [GlobalSetup]
    public void Setup()
    {
        var state = CoachingState.New;
        for (var i = 0; i < Script.Length; i++)
        {
            _states[i] = state;
            state = CoachingEngine.Respond(state, Script[i], Today).State;
        }
    }

    [Benchmark(Baseline = true, Description = "first message (topic detection, opening question)")]
    public CoachingReply FirstMessage() => CoachingEngine.Respond(_states[0], Script[0], Today);

    [Benchmark(Description = "mid-conversation answer")]
    public CoachingReply MidConversation() => CoachingEngine.Respond(_states[2], Script[2], Today);

    [Benchmark(Description = "dated plan (due-date parsing, confirmation)")]
    public CoachingReply DatedPlan() => CoachingEngine.Respond(_states[4], Script[4], Today);

    [Benchmark(Description = "help command")]
    public CoachingReply Help() => CoachingEngine.Respond(_states[2], "help", Today);
}
