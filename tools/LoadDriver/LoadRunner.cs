using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace CoachBot.Tools.LoadDriver;

/// <summary>
/// Closed-loop load at a fixed concurrency: each worker owns a slice of the users and sends each of them their next
/// message, then waits for the HTTP answer and for the Connector to receive the reply before its next send (a rep
/// reads the question before answering). Latency is send → reply received at the Connector.
/// One runner per bot: its reps keep their conversations (<paramref name="conversations"/> names them) and their place
/// in their scripts from the warm-up through every level, as reps do with a deployed bot, so a level measures the turns
/// of reps the bot already knows rather than a wave of first contacts, and the tables do not grow level after level.
/// </summary>
internal sealed class LoadRunner(HttpClient http, ConnectorStub sink, string conversations)
{
    private int[] _turns = [];

    public async Task<LevelStats> RunAsync(string runId, int concurrency, DriverOptions o)
    {
        var users = Math.Max(o.Users, concurrency);
        var turns = TurnsOf(users);
        var (measureFrom, measureUntil) = Window(o);
        var budget = o.MaxRequestsPerLevel;
        var outcomes = new List<Outcome>[concurrency];

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            var mine = Enumerable.Range(0, users).Where(u => u % concurrency == w).ToArray();
            var list = outcomes[w] = [];
            for (var i = 0; ; i++)
            {
                var now = Stopwatch.GetTimestamp();
                if (now >= measureUntil) break;
                var measured = now >= measureFrom;
                if (measured && Interlocked.Decrement(ref budget) < 0) break;
                var user = mine[i % mine.Length];
                var outcome = await SendOneAsync(runId, user, turns[user]++, o.ReplyTimeout);
                if (measured) list.Add(outcome);
            }
        })));
        return Summarize([.. outcomes.SelectMany(l => l)], measureFrom);
    }

    /// <summary>
    /// Open loop at a fixed arrival rate (turns/s), whatever the bot's answers take: shows latency at an offered load
    /// both bots can carry. Users are visited round-robin, so each user's messages are users/rate seconds apart.
    /// </summary>
    public async Task<LevelStats> RunRateAsync(string runId, double rate, DriverOptions o)
    {
        var turns = TurnsOf(o.Users);
        var (measureFrom, measureUntil) = Window(o);
        var start = Stopwatch.GetTimestamp();
        var inFlight = new List<(bool Measured, Task<Outcome> Task)>();
        for (var i = 0; i < o.MaxRequestsPerLevel * 2; i++)
        {
            var due = start + (long)(i / rate * Stopwatch.Frequency);
            if (due >= measureUntil) break;
            var wait = due - Stopwatch.GetTimestamp();
            if (wait > 0) await Task.Delay(TimeSpan.FromSeconds(wait / (double)Stopwatch.Frequency));
            var user = i % o.Users;
            inFlight.Add((due >= measureFrom, SendOneAsync(runId, user, turns[user]++, o.ReplyTimeout)));
        }
        await Task.WhenAll(inFlight.Select(f => f.Task));
        return Summarize([.. inFlight.Where(f => f.Measured).Select(f => f.Task.Result)], measureFrom);
    }

    /// <summary>Each rep's next step in its script, carried over from earlier levels.</summary>
    private int[] TurnsOf(int users)
    {
        if (_turns.Length < users) Array.Resize(ref _turns, users);
        return _turns;
    }

    private static (long From, long Until) Window(DriverOptions o)
    {
        var from = Stopwatch.GetTimestamp() + (long)(o.Warmup.TotalSeconds * Stopwatch.Frequency);
        return (from, from + (long)(o.Duration.TotalSeconds * Stopwatch.Frequency));
    }

    private static LevelStats Summarize(Outcome[] outcomes, long measureFrom)
    {
        var seconds = (Stopwatch.GetTimestamp() - measureFrom) / (double)Stopwatch.Frequency;
        var ok = outcomes.Where(x => x.ReplyMs is not null).ToArray();
        var replyMs = ok.Select(x => x.ReplyMs!.Value).Order().ToArray();
        var httpMs = ok.Select(x => x.HttpMs!.Value).Order().ToArray();
        return new LevelStats(
            Sent: outcomes.Length, Replied: replyMs.Length, Errors: outcomes.Count(x => x.Error is not null), Timeouts: outcomes.Count(x => x.TimedOut),
            Seconds: seconds, TurnsPerSecond: replyMs.Length / seconds,
            P50: Percentile(replyMs, 0.50), P95: Percentile(replyMs, 0.95), P99: Percentile(replyMs, 0.99), Max: replyMs.Length > 0 ? replyMs[^1] : double.NaN,
            HttpP50: Percentile(httpMs, 0.50), HttpP99: Percentile(httpMs, 0.99),
            ErrorSample: outcomes.Select(x => x.Error).FirstOrDefault(e => e is not null))
        {
            Tail = TailOf(ok, Percentile(replyMs, 0.99), measureFrom),
        };
    }

    /// <summary>The turns at or over the p99: which messages they were, and in which seconds of the window they were sent.</summary>
    private static string TailOf(Outcome[] ok, double p99, long measureFrom)
    {
        var slow = ok.Where(x => x.ReplyMs >= p99).ToArray();
        if (slow.Length == 0) return "";
        static string Key(Outcome x) => x.Text.Length > 24 ? x.Text[..24] + "…" : x.Text;
        var all = ok.GroupBy(Key).ToDictionary(g => g.Key, g => g.Count());
        var byText = slow.GroupBy(Key).OrderByDescending(g => g.Count()).Take(5).Select(g => $"\"{g.Key}\" {g.Count()} of {all[g.Key]}");
        var from = measureFrom / (double)Stopwatch.Frequency;
        var bySecond = slow.GroupBy(x => (int)(x.SentAt - from)).OrderByDescending(g => g.Count()).Take(5).Select(g => $"{g.Key}s:{g.Count()}");
        return $"{slow.Length} turns ≥ p99; by message: {string.Join(", ", byText)}; busiest seconds: {string.Join(" ", bySecond)}";
    }

    private async Task<Outcome> SendOneAsync(string runId, int user, int turn, TimeSpan replyTimeout)
    {
        var activityId = $"{runId}-{user}-{turn}-{Guid.NewGuid():N}";
        var text = RepTexts.TextFor(user, turn);
        var body = RepTexts.Message(sink.ServiceUrl, conversations, user, activityId, text).ToJsonString();
        var reply = sink.ExpectReply(activityId);
        var sent = Stopwatch.GetTimestamp();
        try
        {
            using var content = new StringContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            using var response = await http.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
            var answered = Stopwatch.GetTimestamp();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                sink.Forget(activityId);
                return new Outcome(null, null, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}", false);
            }
            var arrived = await reply.WaitAsync(replyTimeout);
            return new Outcome(Ms(arrived - sent), Ms(answered - sent), null, false, text, sent / (double)Stopwatch.Frequency);
        }
        catch (TimeoutException)
        {
            sink.Forget(activityId);
            return new Outcome(null, null, null, true);
        }
        catch (HttpRequestException ex)
        {
            sink.Forget(activityId);
            return new Outcome(null, null, ex.Message, false);
        }
    }

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <param name="Text">The rep's message (its script step): where the slowest turns come from.</param>
    /// <param name="SentAt">Seconds since the level's measured window opened: whether the slowest turns bunch in time.</param>
    private sealed record Outcome(double? ReplyMs, double? HttpMs, string? Error, bool TimedOut, string Text = "", double SentAt = 0);
}

internal sealed record LevelStats(
    int Sent, int Replied, int Errors, int Timeouts, double Seconds, double TurnsPerSecond,
    double P50, double P95, double P99, double Max, double HttpP50, double HttpP99, string? ErrorSample)
{
    /// <summary>Typing indicators the bot sent during the level (warm-up included); they are not replies.</summary>
    public long TypingIndicators { get; init; }

    /// <summary>Where the slowest 1 % came from (<c>LoadRunner.TailOf</c>), logged with the level.</summary>
    public string Tail { get; init; } = "";
}
