using BenchmarkDotNet.Attributes;
using CoachBot.Coaching.FieldDays;

namespace CoachBot.Benchmarks;

/// <summary>
/// Field-day slot finder on a year of dense calendars (3,000+ busy items per person): manager in New York,
/// reps alternately in New York and London.
/// </summary>
[MemoryDiagnoser]
public class SlotFinderBenchmarks
{
    private FieldDaySlotQuery _pairYear = null!;
    private FieldDaySlotQuery _eightYear = null!;
    private FieldDaySlotQuery _eightTwoWeeks = null!;

    [GlobalSetup]
    public void Setup()
    {
        var manager = DenseCalendars.Schedule("manager", "America/New_York", seed: 1);
        var reps = Enumerable.Range(0, 8)
            .Select(i => new FieldDayRep(
                DenseCalendars.Schedule($"rep{i}", i % 2 == 0 ? "America/New_York" : "Europe/London", seed: 100 + i),
                $"Rep {i}", (RepTier)(i % 3), AskedForFieldTime: i == 5, LastFieldDay: i % 4 == 0 ? null : DenseCalendars.FirstDay.AddDays(-7 * i)))
            .ToList();
        var start = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.FromHours(-5));
        var options = new FieldDayOptions { MaxSuggestions = 10 };
        _pairYear = new FieldDaySlotQuery(manager, reps.Take(1).ToList(), start, 250, FieldDayLength.HalfDay, options);
        _eightYear = new FieldDaySlotQuery(manager, reps, start, 250, FieldDayLength.HalfDay, options);
        _eightTwoWeeks = new FieldDaySlotQuery(manager, reps, start.AddDays(180), 10, FieldDayLength.HalfDay, options);
        Console.WriteLine($"// busy items: manager {manager.Busy.Count}, reps {string.Join(", ", reps.Select(r => r.Schedule.Busy.Count))}");
        Console.WriteLine($"// slots found: pair {FieldDaySlotFinder.Find(_pairYear).Count}, eight {FieldDaySlotFinder.Find(_eightYear).Count}");
    }

    /// <summary>One manager-rep pair, a whole year (250 working days) of horizon.</summary>
    [Benchmark(Baseline = true)]
    public IReadOnlyList<FieldDaySlot> OnePairYear() => FieldDaySlotFinder.Find(_pairYear);

    /// <summary>A manager with 8 reps, a whole year of horizon.</summary>
    [Benchmark]
    public IReadOnlyList<FieldDaySlot> EightRepsYear() => FieldDaySlotFinder.Find(_eightYear);

    /// <summary>The daily nudge's real question: 8 reps, next 10 working days, out of year-long calendars.</summary>
    [Benchmark]
    public IReadOnlyList<FieldDaySlot> EightRepsTwoWeeks() => FieldDaySlotFinder.Find(_eightTwoWeeks);
}
