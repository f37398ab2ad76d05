namespace CoachBot.Coaching.Tests;
public class TopicDebugTmp
{
    [Fact]
    public void Dump()
    {
        var (a, t, m) = TopicAccuracyTests.Measure("topics.tsv");
        File.WriteAllText("/tmp/topics-misses.txt", $"{a:P1} of {t}\n" + string.Join('\n', m));
    }
}
