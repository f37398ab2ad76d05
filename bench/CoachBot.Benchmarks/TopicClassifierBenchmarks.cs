using BenchmarkDotNet.Attributes;
using CoachBot.Coaching.Topics;

namespace CoachBot.Benchmarks;

/// <summary>One <see cref="TopicClassifier.Classify"/> call (the embedded model, loaded before the first iteration).</summary>
[MemoryDiagnoser]
public class TopicClassifierBenchmarks
{
    private readonly string _short = "client ghosted me after the demo";

    private readonly string _typical = "Procurement at Northwind came back saying our price is way over what they budgeted and they want 25% off before they sign, what do I do?";

    private string _paste = "";

    [GlobalSetup]
    public void Setup()
    {
        _paste = string.Concat(Enumerable.Repeat(_typical + " ", 40));
        TopicClassifier.Classify(_short);
    }

    [Benchmark(Baseline = true, Description = "short message (6 words)")]
    public TopicGuess ShortMessage() => TopicClassifier.Classify(_short);

    [Benchmark(Description = "typical message (26 words)")]
    public TopicGuess TypicalMessage() => TopicClassifier.Classify(_typical);

    [Benchmark(Description = "5,000-character paste (first 1,000 read)")]
    public TopicGuess LongPaste() => TopicClassifier.Classify(_paste);

    [Benchmark(Description = "of which: cue matching on the first 1,000 characters")]
    public int LongPasteCues() => TopicDetector.Rank(_paste[..TopicFeatures.MaxChars]).Count;
}
