using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace CoachBot.Admin;

/// <summary>
/// Counts wrong admin keys in fixed windows, per client address and over all addresses, so the key cannot be guessed
/// at network speed: past a limit every request of that client (or, past the global one, of everyone) gets 429 until
/// the window ends, without the key being checked. Memory is bounded twice: only failures create entries, the global
/// limit caps how many can arrive per window, and the table never holds more than <see cref="MaxTrackedClients"/>.
/// </summary>
internal sealed class AdminKeyThrottle(TimeProvider time, IOptionsMonitor<AdminOptions> options)
{
    public const int MaxTrackedClients = 10_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Window> _clients = new(StringComparer.Ordinal);
    private Window _global;

    /// <summary>Client addresses currently tracked (for the memory bound's test).</summary>
    public int TrackedClients
    {
        get { lock (_lock) return _clients.Count; }
    }

    /// <summary>Null when <paramref name="client"/> may try a key now, else how long until it may.</summary>
    public TimeSpan? RetryAfter(string client)
    {
        var o = options.CurrentValue;
        var now = time.GetUtcNow();
        lock (_lock)
        {
            return Blocked(_global, o.MaxFailures, o.FailureWindow, now)
                ?? (_clients.TryGetValue(client, out var w) ? Blocked(w, o.MaxFailuresPerClient, o.FailureWindow, now) : null);
        }
    }

    /// <summary>Records a wrong key; true when this failure made the client or everyone throttled.</summary>
    public bool Failed(string client)
    {
        var o = options.CurrentValue;
        var now = time.GetUtcNow();
        lock (_lock)
        {
            _global = Count(_global, o.FailureWindow, now);
            var throttled = o.MaxFailures > 0 && _global.Failures == o.MaxFailures;
            if (_clients.TryGetValue(client, out var w) || _clients.Count < MaxTrackedClients || Prune(o.FailureWindow, now))
            {
                w = Count(w, o.FailureWindow, now);
                _clients[client] = w;
                throttled |= o.MaxFailuresPerClient > 0 && w.Failures == o.MaxFailuresPerClient;
            }
            return throttled;
        }
    }

    /// <summary>The address a limit applies to: IPv4 as is, IPv6 by its /64 (one host usually owns a whole /64).</summary>
    public static string ClientOf(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static Window Count(Window w, TimeSpan window, DateTimeOffset now) =>
        w.Failures == 0 || now >= w.Start + window ? new Window(now, 1) : w with { Failures = w.Failures + 1 };

    private static TimeSpan? Blocked(Window w, int max, TimeSpan window, DateTimeOffset now) =>
        max > 0 && w.Failures >= max && now < w.Start + window ? w.Start + window - now : null;

    /// <summary>Drops clients whose window is over; true when that made room.</summary>
    private bool Prune(TimeSpan window, DateTimeOffset now)
    {
        foreach (var (client, w) in _clients)
            if (now >= w.Start + window) _clients.Remove(client);
        return _clients.Count < MaxTrackedClients;
    }

    private readonly record struct Window(DateTimeOffset Start, int Failures);
}
