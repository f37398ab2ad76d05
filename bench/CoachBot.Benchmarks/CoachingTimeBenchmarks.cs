using BenchmarkDotNet.Attributes;
using CoachBot.Coaching.Calendar;
using CoachBot.Coaching.CoachingTime;

namespace CoachBot.Benchmarks;

/// <summary>Coaching-time share (7 and 28 days) from a year of the manager's events.</summary>
[MemoryDiagnoser]
public class CoachingTimeBenchmarks
{
    private static readonly string[] Reports = ["rep0", "rep1", "rep2", "rep3", "rep4", "rep5", "rep6", "rep7"];
    private List<CalendarEvent> _events = null!;
    private HashSet<string> _reports = null!;
    private WorkingHours _hours = null!;

    [GlobalSetup]
    public void Setup()
    {
        _events = DenseCalendars.Events("manager", Reports, "Europe/Berlin", seed: 3);
        _reports = [.. Reports];
        _hours = WorkingHours.Default("Europe/Berlin");
    }

    [Benchmark]
    public CoachingTimeReport YearOfEvents() =>
        CoachingTimeCalculator.Compute(_events, "manager", _hours, _reports, new DateTimeOffset(2026, 6, 15, 8, 0, 0, TimeSpan.FromHours(2)));
}
