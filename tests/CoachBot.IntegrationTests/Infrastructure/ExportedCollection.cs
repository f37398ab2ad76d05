using System.Collections.Concurrent;

namespace CoachBot.IntegrationTests.Infrastructure;

/// <summary>A thread-safe collection for OpenTelemetry's in-memory exporter (other suites' telemetry may be exported at the same time).</summary>
public sealed class ExportedCollection<T> : ICollection<T>
{
    private readonly ConcurrentQueue<T> _items = new();
    public int Count => _items.Count;
    public bool IsReadOnly => false;
    public List<T> Snapshot() => [.. _items];
    public void Add(T item) => _items.Enqueue(item);
    public void Clear() => _items.Clear();
    public bool Contains(T item) => _items.Contains(item);
    public void CopyTo(T[] array, int arrayIndex) => _items.CopyTo(array, arrayIndex);
    public bool Remove(T item) => throw new NotSupportedException();
    public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
