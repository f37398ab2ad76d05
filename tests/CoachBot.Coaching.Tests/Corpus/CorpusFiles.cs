using CoachBot.Testing;

namespace CoachBot.Coaching.Tests.Corpus;

/// <summary>Reads the test data files copied next to the test assembly.</summary>
internal static class CorpusFiles
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Corpus", name);

    public static string Read(string name) => File.ReadAllText(Path(name));

    /// <summary>Every labelled message the topic model is trained on: the files content/topics/sources.txt names, in order.</summary>
    public static IReadOnlyList<(string Label, string Text)> ReadTrainingSources()
    {
        var sources = Topics.TopicTrainingSet.Sources(File.ReadLines(System.IO.Path.Combine(RepoPaths.Root, "content", "topics", "sources.txt")));
        return [.. sources.SelectMany(s => Topics.TopicTrainingSet.Parse(File.ReadLines(System.IO.Path.Combine(RepoPaths.Root, s))))];
    }

    /// <summary>Tab-separated label and text, skipping blank lines and # comments.</summary>
    public static IReadOnlyList<(string Label, string Text)> ReadLabelled(string name) =>
        Topics.TopicTrainingSet.Parse(File.ReadAllLines(Path(name)));
}
