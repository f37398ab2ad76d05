namespace CoachBot.Tools.GraphServer.Control;

/// <summary>
/// A fault to inject: requests whose path contains <see cref="Path"/> (and method matches, if given) wait
/// <see cref="DelayMs"/> and then, if <see cref="Status"/> is set, fail with it. <see cref="Count"/> -1 = every time.
/// </summary>
public sealed class Fault
{
    public string Path { get; set; } = "";
    public string? Method { get; set; }
    public int Status { get; set; }
    public int? RetryAfter { get; set; }
    public int Count { get; set; } = 1;
    public int DelayMs { get; set; }
}

/// <summary>The armed faults; thread-safe.</summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<Fault> _faults = [];

    public void Add(Fault fault)
    {
        lock (_gate) _faults.Add(fault);
    }

    public void Clear()
    {
        lock (_gate) _faults.Clear();
    }

    /// <summary>Takes one shot of the first matching fault, or null.</summary>
    public Fault? Take(string method, string path)
    {
        lock (_gate)
        {
            var fault = _faults.FirstOrDefault(f => f.Count != 0
                && path.Contains(f.Path, StringComparison.OrdinalIgnoreCase)
                && (f.Method is null || f.Method.Equals(method, StringComparison.OrdinalIgnoreCase)));
            if (fault is { Count: > 0 }) fault.Count--;
            return fault;
        }
    }
}
