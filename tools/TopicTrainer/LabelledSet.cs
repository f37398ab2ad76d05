using CoachBot.Coaching.Topics;

namespace CoachBot.Tools.TopicTrainer;

/// <summary>The training file, checked and de-duplicated, split into training and validation by <see cref="TopicTrainingSet"/>.</summary>
/// <param name="Conflicts">Lines of a later file whose text an earlier file labels differently: the earlier label is kept.</param>
internal sealed record LabelledSet(IReadOnlyList<string> Labels, IReadOnlyList<(int Label, string Text)> Train, IReadOnlyList<(int Label, string Text)> Validation, int Duplicates, int Conflicts)
{
    /// <summary>Taxonomy order, then "none": fixed, so the same data always gives the same file.</summary>
    public static IReadOnlyList<string> AllLabels { get; } = [.. TopicTaxonomy.All.Select(t => t.Id), TopicModel.NoTopic];

    /// <summary>
    /// Reads the files in order. Within one file a text labelled twice differently is an error; across files, separate
    /// writers may read a message differently, and the first file's label is kept.
    /// </summary>
    public static LabelledSet Read(IReadOnlyList<string> paths)
    {
        var seen = new Dictionary<string, (string Label, string Path)>(StringComparer.Ordinal);
        var train = new List<(int, string)>();
        var validation = new List<(int, string)>();
        var (duplicates, conflicts) = (0, 0);
        var buffer = new char[TopicFeatures.BufferLength];
        foreach (var path in paths)
        {
            foreach (var (label, text) in TopicTrainingSet.Parse(File.ReadLines(path)))
            {
                var index = IndexOf(label) ?? throw new InvalidDataException($"unknown label '{label}' in {path}: {text}");
                var key = new string(buffer, 0, TopicFeatures.Normalise(text, buffer));
                if (seen.TryGetValue(key, out var earlier))
                {
                    if (earlier.Label == label) duplicates++;
                    else if (earlier.Path == path) throw new InvalidDataException($"'{text}' is labelled both {earlier.Label} and {label} in {path}");
                    else conflicts++;
                    continue;
                }
                seen.Add(key, (label, path));
                (TopicTrainingSet.IsValidation(text) ? validation : train).Add((index, text));
            }
        }
        foreach (var label in AllLabels.Where(l => !train.Any(t => AllLabels[t.Item1] == l)))
            throw new InvalidDataException($"no training line for label {label}");
        return new LabelledSet(AllLabels, train, validation, duplicates, conflicts);
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
