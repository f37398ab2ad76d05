using CoachBot.Coaching.Topics;

namespace CoachBot.Tools.TopicTrainer;

/// <summary>The training file, checked and de-duplicated, split into training and validation by <see cref="TopicTrainingSet"/>.</summary>
internal sealed record LabelledSet(IReadOnlyList<string> Labels, IReadOnlyList<(int Label, string Text)> Train, IReadOnlyList<(int Label, string Text)> Validation, int Duplicates)
{
    /// <summary>Taxonomy order, then "none": fixed, so the same data always gives the same file.</summary>
    public static IReadOnlyList<string> AllLabels { get; } = [.. TopicTaxonomy.All.Select(t => t.Id), TopicModel.NoTopic];

    public static LabelledSet Read(string path)
    {
        var rows = TopicTrainingSet.Parse(File.ReadLines(path));
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var train = new List<(int, string)>();
        var validation = new List<(int, string)>();
        var duplicates = 0;
        var buffer = new char[TopicFeatures.BufferLength];
        foreach (var (label, text) in rows)
        {
            var index = IndexOf(label) ?? throw new InvalidDataException($"unknown label '{label}' in {path}: {text}");
            var key = new string(buffer, 0, TopicFeatures.Normalise(text, buffer));
            if (seen.TryGetValue(key, out var earlier))
            {
                if (earlier != label) throw new InvalidDataException($"'{text}' is labelled both {earlier} and {label}");
                duplicates++;
                continue;
            }
            seen.Add(key, label);
            (TopicTrainingSet.IsValidation(text) ? validation : train).Add((index, text));
        }
        foreach (var label in AllLabels.Where(l => !train.Any(t => AllLabels[t.Item1] == l)))
            throw new InvalidDataException($"no training line for label {label}");
        return new LabelledSet(AllLabels, train, validation, duplicates);
    }

    private static int? IndexOf(string label)
    {
        for (var i = 0; i < AllLabels.Count; i++)
        {
            if (AllLabels[i] == label) return i;
        }
        return null;
    }
}
