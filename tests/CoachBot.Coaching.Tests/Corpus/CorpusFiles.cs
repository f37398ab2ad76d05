namespace CoachBot.Coaching.Tests.Corpus;

/// <summary>Reads the test data files copied next to the test assembly.</summary>
internal static class CorpusFiles
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Corpus", name);

    public static string Read(string name) => File.ReadAllText(Path(name));

    /// <summary>Every labelled message the topic model is trained on: the files content/topics/sources.txt names, in order.</summary>
    public static IReadOnlyList<(string Label, string Text)> ReadTrainingSources()
    {
        var root = RepoRoot();
        var sources = Topics.TopicTrainingSet.Sources(File.ReadLines(System.IO.Path.Combine(root, "content", "topics", "sources.txt")));
        return [.. sources.SelectMany(s => Topics.TopicTrainingSet.Parse(File.ReadLines(System.IO.Path.Combine(root, s))))];
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "CoachBot.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("no CoachBot.sln above the test assembly");
    }

    /// <summary>Tab-separated label and text, skipping blank lines and # comments.</summary>
    public static IReadOnlyList<(string Label, string Text)> ReadLabelled(string name) =>
        Topics.TopicTrainingSet.Parse(File.ReadAllLines(Path(name)));
}
