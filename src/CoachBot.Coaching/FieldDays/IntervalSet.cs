namespace CoachBot.Coaching.FieldDays;

/// <summary>Disjoint, sorted [start, end) intervals in UTC ticks, merged once; queried with a forward-only cursor.</summary>
internal sealed class IntervalSet
{
    private readonly long[] _starts;
    private readonly long[] _ends;

    private IntervalSet(long[] starts, long[] ends, int count)
    {
        _starts = starts;
        _ends = ends;
        Count = count;
    }

    public int Count { get; }

    public long StartAt(int i) => _starts[i];

    public long EndAt(int i) => _ends[i];

    public static IntervalSet Empty { get; } = new([], [], 0);

    /// <summary>Sorts (O(n log n)) and merges overlapping or touching intervals. Takes ownership of the buffers.</summary>
    public static IntervalSet Build(long[] starts, long[] ends, int count)
    {
        if (count == 0) return Empty;
        Array.Sort(starts, ends, 0, count);
        var n = 0;
        for (var i = 0; i < count; i++)
        {
            if (n > 0 && starts[i] <= ends[n - 1])
            {
                if (ends[i] > ends[n - 1]) ends[n - 1] = ends[i];
            }
            else
            {
                starts[n] = starts[i];
                ends[n] = ends[i];
                n++;
            }
        }
        return new IntervalSet(starts, ends, n);
    }

    /// <summary>Sum of the parts of the set inside [from, to).</summary>
    public long CoveredTicks(long from, long to)
    {
        long total = 0;
        for (var i = 0; i < Count; i++)
        {
            var s = Math.Max(_starts[i], from);
            var e = Math.Min(_ends[i], to);
            if (e > s) total += e - s;
        }
        return total;
    }

    /// <summary>
    /// Whether [start, end) overlaps any interval. Queries through one cursor must come with non-decreasing
    /// <paramref name="start"/>; the cursor then only moves forward, so a whole sweep costs O(n + queries).
    /// </summary>
    public bool Overlaps(ref int cursor, long start, long end)
    {
        var i = cursor;
        var n = Count;
        var ends = _ends;
        while (i < n && ends[i] <= start) i++;
        cursor = i;
        return i < n && _starts[i] < end;
    }
}
