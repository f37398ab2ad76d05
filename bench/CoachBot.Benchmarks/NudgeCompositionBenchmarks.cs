using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CoachBot.Coaching.CoachingTime;
using CoachBot.Coaching.FieldDays;
using CoachBot.Coaching.Nudges;

namespace CoachBot.Benchmarks;

/// <summary>
/// The CPU work of one manager's nudge (8 reps): find field-day slots over the next 10 working days in two weeks of
/// dense free/busy, coaching time over last week's calendar, compose, and serialize the snapshot. The card build and
/// its JSON live in the host (not referenced here) and are measured by the fan-out driver (docs/nudges.md).
/// </summary>
[MemoryDiagnoser]
public class NudgeCompositionBenchmarks
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    private FieldDaySlotQuery _slots = null!;
    private NudgeInput _input = null!;
    private List<Coaching.Calendar.CalendarEvent> _events = null!;
    private Coaching.Calendar.PersonSchedule _manager = null!;
    private HashSet<string> _reports = null!;
    private DateTimeOffset _now;

    [GlobalSetup]
    public void Setup()
    {
        _now = new DateTimeOffset(2026, 7, 6, 8, 0, 0, TimeSpan.FromHours(-4));
        _manager = DenseCalendars.Schedule("manager", "America/New_York", seed: 1, days: 400);
        var reps = Enumerable.Range(0, 8)
            .Select(i => new FieldDayRep(DenseCalendars.Schedule($"rep{i}", i % 2 == 0 ? "America/New_York" : "Europe/London", seed: 100 + i, days: 400), $"Rep {i}"))
            .ToList();
        _reports = [.. reps.Select(r => r.UserId)];
        _events = DenseCalendars.Events("manager", [.. _reports], "America/New_York", seed: 7, days: 400);
        _slots = new FieldDaySlotQuery(_manager, reps, _now, 10, FieldDayLength.HalfDay, FieldDayOptions.Default with { MaxSuggestions = 15 });
        var topics = Enumerable.Range(0, 8).SelectMany(i => new[] { new TopicSignal($"rep{i}", i < 4 ? "objection-price" : "closing"), new TopicSignal($"rep{i}", "discovery") }).ToList();
        var requests = new List<RepRequest> { new("rep5", "Rep 5", RepRequestKind.FieldDay), new("rep2", "Rep 2", RepRequestKind.SharedPlan, "Call the CFO before the renewal", new DateOnly(2026, 7, 9)) };
        _input = new NudgeInput(DateOnly.FromDateTime(_now.DateTime), FieldDaySlotFinder.Find(_slots), false, requests, topics,
            [.. reps.Select(r => new TeamMember(r.UserId, r.Name, RepTier.Emerging))], null, 50, ThreeSixNoList.Create(["Grow renewals"], ["Ride along"]));
    }

    /// <summary>Slots only: the dominant cost.</summary>
    [Benchmark]
    public int Slots() => FieldDaySlotFinder.Find(_slots).Count;

    /// <summary>Composition only, from ready slots and signals.</summary>
    [Benchmark]
    public NudgeContent? Compose() => NudgeComposer.Compose(_input);

    /// <summary>Everything pure for one manager: slots + coaching time + compose + snapshot JSON.</summary>
    [Benchmark(Baseline = true)]
    public int WholeNudge()
    {
        var slots = FieldDaySlotFinder.Find(_slots);
        var week = CoachingTimeCalculator.Compute(_events, "manager", _manager.WorkingHours, _reports, _now).Last7Days;
        var content = NudgeComposer.Compose(_input with { Slots = slots, CoachingTime = week })!;
        return JsonSerializer.SerializeToUtf8Bytes(content, Json).Length;
    }
}
