using System.Buffers;
using System.Text.Json;

namespace CoachBot.Coaching.Topics;

/// <summary>
/// A multinomial logistic regression over <see cref="TopicVocabulary"/> features: score = bias + Σ weight × value per
/// label, softmax, best label wins. Immutable once built, so one instance serves concurrent turns without locks.
/// </summary>
public sealed class TopicModel
{
    public const string NoTopic = "none";

    /// <summary>The model file embedded in this assembly (see the EmbeddedResource in the project file).</summary>
    public const string ResourceName = "CoachBot.Coaching.Topics.topic-model.json";

    private readonly float[] _weights;
    private readonly float[] _bias;
    private readonly Topic?[] _topics;

    /// <param name="weights">Feature-major: the weight of feature f for label l is at f × labels + l.</param>
    public TopicModel(IReadOnlyList<string> labels, TopicVocabulary vocabulary, float[] weights, float[] bias, float confidentAt)
    {
        if (bias.Length != labels.Count || weights.Length != vocabulary.Count * labels.Count)
            throw new InvalidDataException($"topic model: {labels.Count} labels, {bias.Length} biases, {weights.Length} weights for {vocabulary.Count} features");
        Labels = labels;
        Vocabulary = vocabulary;
        ConfidentAt = confidentAt;
        _weights = weights;
        _bias = bias;
        _topics = [.. labels.Select(l => l == NoTopic ? null : TopicTaxonomy.Find(l) ?? throw new InvalidDataException($"topic model label '{l}' is not in the taxonomy"))];
    }

    public IReadOnlyList<string> Labels { get; }

    public TopicVocabulary Vocabulary { get; }

    /// <summary>The lowest confidence at which a topic guess counts as confident (chosen by the trainer).</summary>
    public float ConfidentAt { get; }

    public static TopicModel LoadEmbedded()
    {
        using var stream = typeof(TopicModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        return Load(stream);
    }

    public static TopicModel Load(Stream json) =>
        FromFile(JsonSerializer.Deserialize(json, TopicModelJson.Default.TopicModelFile) ?? throw new InvalidDataException("topic model file is empty"));

    public static TopicModel FromFile(TopicModelFile file)
    {
        var labels = file.Labels.Count;
        var rows = file.Words.Concat(file.Chars).ToList();
        var weights = new float[rows.Count * labels];
        for (var f = 0; f < rows.Count; f++)
        {
            if (rows[f].Value.Length != labels) throw new InvalidDataException($"topic model: '{rows[f].Key}' has {rows[f].Value.Length} weights, not {labels}");
            for (var l = 0; l < labels; l++) weights[(f * labels) + l] = (float)rows[f].Value[l] / file.Scale;
        }
        float[] bias = [.. file.Bias.Select(b => (float)b / file.Scale)];
        return new TopicModel(file.Labels, new TopicVocabulary([.. file.Words.Keys], [.. file.Chars.Keys]), weights, bias, file.ConfidentAt);
    }

    /// <summary>The file form, weights rounded to whole numbers of 1/<paramref name="scale"/>; n-grams whose weights all
    /// round to 0 are left out, which changes no prediction (unknown grams still count in the 1/√n of <see cref="TopicVocabulary"/>).</summary>
    public TopicModelFile ToFile(int scale, IReadOnlyDictionary<string, string>? trained)
    {
        var labels = Labels.Count;
        int Round(float w) => (int)MathF.Round(w * scale);
        int[] Row(int f) => [.. _weights.AsSpan(f * labels, labels).ToArray().Select(Round)];
        Dictionary<string, int[]> Kept(IReadOnlyList<string> grams, int first)
        {
            var kept = new Dictionary<string, int[]>(StringComparer.Ordinal);
            for (var i = 0; i < grams.Count; i++)
            {
                var row = Row(first + i);
                if (row.Any(w => w != 0)) kept.Add(grams[i], row);
            }
            return kept;
        }
        return new TopicModelFile
        {
            Labels = Labels,
            ConfidentAt = ConfidentAt,
            Scale = scale,
            Bias = [.. _bias.Select(Round)],
            Words = Kept(Vocabulary.Words, 0),
            Chars = Kept(Vocabulary.Chars, Vocabulary.Words.Count),
            Trained = trained,
        };
    }

    /// <summary>Writes one probability per label into <paramref name="probabilities"/>; false when the text has no words.</summary>
    public bool Predict(string text, Span<float> probabilities)
    {
        var indices = ArrayPool<int>.Shared.Rent(TopicVocabulary.MaxEntries);
        var values = ArrayPool<float>.Shared.Rent(TopicVocabulary.MaxEntries);
        try
        {
            var count = Vocabulary.Vectorize(text, indices, values);
            if (count < 0) return false;
            var labels = _bias.Length;
            _bias.CopyTo(probabilities);
            for (var i = 0; i < count; i++)
            {
                var row = _weights.AsSpan(indices[i] * labels, labels);
                for (var l = 0; l < labels; l++) probabilities[l] += row[l] * values[i];
            }
            Softmax(probabilities[..labels]);
            return true;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(indices);
            ArrayPool<float>.Shared.Return(values);
        }
    }

    /// <summary>The most probable label; "none", or a message without words, gives a null topic.</summary>
    public TopicGuess Classify(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new TopicGuess(null, 1f);
        Span<float> probabilities = stackalloc float[_bias.Length];
        if (!Predict(text, probabilities)) return new TopicGuess(null, 1f);
        var best = 0;
        for (var l = 1; l < probabilities.Length; l++)
        {
            if (probabilities[l] > probabilities[best]) best = l;
        }
        return new TopicGuess(_topics[best], probabilities[best]);
    }

    private static void Softmax(Span<float> scores)
    {
        var max = float.NegativeInfinity;
        foreach (var s in scores) max = MathF.Max(max, s);
        var sum = 0f;
        for (var i = 0; i < scores.Length; i++) sum += scores[i] = MathF.Exp(scores[i] - max);
        for (var i = 0; i < scores.Length; i++) scores[i] /= sum;
    }
}
