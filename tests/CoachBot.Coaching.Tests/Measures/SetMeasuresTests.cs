using System.Text;
using CoachBot.Coaching.Tests.Corpus;
using Xunit.Abstractions;

namespace CoachBot.Coaching.Tests.Measures;

/// <summary>
/// The issue-13 measures over every set present: Corpus/dev and Corpus/heldout-v1 (both tuned on), and Corpus/heldout (the
/// fresh held-out set, never tuned on) once copied in, which is asserted on the same floors. One command prints and writes
/// them (coaching-measures-&lt;set&gt;.md next to the test assembly):
/// <c>dotnet test tests/CoachBot.Coaching.Tests -c Release --filter "FullyQualifiedName~SetMeasuresTests" --logger "console;verbosity=detailed"</c>.
/// The floors are asserted, topic accuracy included; the time per turn is only reported.
/// </summary>
public class SetMeasuresTests(ITestOutputHelper output)
{
    private static readonly Lazy<IReadOnlyList<SetMeasures>> All = new(() => [.. MeasureSet.Present().Select(SetMeasures.Compute)]);

    [Fact]
    public void The_dev_set_is_big_enough_and_well_formed()
    {
        var dev = MeasureSet.Load("dev");
        Assert.True(dev.Conversations.Count >= 40, $"{dev.Conversations.Count} conversations");
        Assert.True(dev.Openers.Count >= 60, $"{dev.Openers.Count} openers");
        Assert.True(dev.Topics.Count >= 150, $"{dev.Topics.Count} topic lines");
        Assert.Equal(dev.Openers.Count, dev.Openers.Select(o => o.Message).Distinct().Count());
        Assert.All(dev.Topics, t => Assert.True(t.Label == "none" || Topics.TopicTaxonomy.Find(t.Label) is not null, t.Label));
        Assert.All(dev.Openers, o => Assert.NotEmpty(o.Phrases));
        string[] kinds = ["plan", "no-plan", "ask-day", "category", "topic"];
        Assert.All(dev.Conversations.SelectMany(c => c.Lines).SelectMany(l => l.Expectations), e => Assert.Contains(e.Kind, kinds));
    }

    /// <summary>
    /// The floors hold on every set that was tuned on. The fresh held-out set (<see cref="MeasureSet.Fresh"/>) is measured and
    /// reported by the same command but not asserted: a failing assertion there is an invitation to tune on it, which would
    /// end its use as a held-out set. Once it has been studied, it joins <see cref="MeasureSet.Tuned"/> and a new one is written.
    /// </summary>
    [Fact]
    public void Every_tuned_set_meets_the_issue_floors()
    {
        var report = Report();
        foreach (var m in All.Value.Where(m => MeasureSet.Tuned.Contains(m.Set)))
        {
            Assert.True(m.DatedShare >= 0.95, report);
            Assert.True(m.UnmadePlans == 0, report);
            Assert.True(m.DistinctFirstSentences >= Math.Min(30, m.Openers / 2), report);
            Assert.True(m.SubjectShare >= 0.50, report);
            Assert.True(m.EndInQuestion == m.CoachingTurns, report);
            Assert.True(m.Leaks == 0, report);
            Assert.True(m.TopicAccuracy >= 0.85, report);
        }
    }

    /// <summary>Topic accuracy is reported for every set (its 85 % floor is asserted above, for the tuned sets).</summary>
    [Fact]
    public void Topic_accuracy_is_reported_for_every_present_set()
    {
        var report = Report();
        foreach (var m in All.Value)
        {
            Assert.True(m.TopicMessages > 0, $"{m.Set}: no topic lines");
            Assert.InRange(m.TopicAccuracy, 0, 1);
            Assert.Contains($"topic accuracy (top guess, topics.tsv) | {m.TopicRight}/{m.TopicMessages}", report, StringComparison.Ordinal);
        }
    }

    private string Report()
    {
        var sb = new StringBuilder();
        foreach (var m in All.Value)
        {
            var md = m.ToMarkdown();
            File.WriteAllText(Path.Combine(AppContext.BaseDirectory, $"coaching-measures-{m.Set}.md"),
                md + "\nMisses:\n" + string.Join('\n', m.Misses.Select(x => "- " + x)) + "\n");
            sb.AppendLine(md);
            sb.AppendLine("Misses:");
            foreach (var miss in m.Misses) sb.AppendLine("- " + miss);
        }
        output.WriteLine(sb.ToString());
        return sb.ToString();
    }

    [Theory]
    [InlineData("What have you tried so far with the CFO?", "the cfo", true)]
    [InlineData("What have you tried so far with their CFO?", "the cfo", true)]
    [InlineData("You said “the CFO is hard”. What now?", "the cfo", false)]
    [InlineData("What have you done about this so far?", "the cfo|cfo", false)]
    public void A_subject_counts_only_in_the_bots_own_words(string reply, string phrases, bool expected) =>
        Assert.Equal(expected, SetMeasures.CarriesSubject(reply, phrases.Split('|')));

    [Fact]
    public void The_conversation_format_reads_ids_rep_lines_and_expectations()
    {
        var path = Path.Combine(Path.GetTempPath(), $"conv-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, "# c\n=== a\nrep: I'll call Friday\nexpect: plan 2026-11-27\nexpect: topic none\n\n=== b\nrep: hi\nrep: bye\nexpect: category closing\n");
        try
        {
            var c = MeasureSet.ReadConversations(path);
            Assert.Equal(["a", "b"], c.Select(x => x.Id));
            Assert.Equal(new DateOnly(2026, 11, 27), c[0].Lines[0].Expectations[0].Date);
            Assert.Equal("topic", c[0].Lines[0].Expectations[1].Kind);
            Assert.Empty(c[1].Lines[0].Expectations);
            Assert.Equal("closing", c[1].Lines[1].Expectations[0].Value);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
