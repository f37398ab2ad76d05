using CoachBot.Coaching.Topics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace CoachBot.Tools.TopicTrainer;

/// <summary>
/// Fits ML.NET's L-BFGS multinomial logistic regression (maximum entropy) on <see cref="TopicVocabulary"/> vectors and
/// exports its weights and biases into a <see cref="TopicModel"/>. One thread and a fixed seed make it deterministic.
/// </summary>
internal sealed class MaxEntTrainer(TopicVocabulary vocabulary, float[] idf, int labelCount, float l2)
{
    public const int Seed = 13;

    /// <summary>No L1: in cross-validation even 0.05 cost about a point; dropping rare n-grams keeps the file small instead. L2 is chosen by <see cref="CrossValidation"/>.</summary>
    public const float L1 = 0f;

    private readonly MLContext _ml = new(seed: Seed);
    private MulticlassPredictionTransformer<MaximumEntropyModelParameters>? _fitted;

    public TopicModel Fit(IReadOnlyList<(int Label, string Text)> rows)
    {
        var options = new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            L2Regularization = l2,
            L1Regularization = L1,
            NumberOfThreads = 1,
            OptimizationTolerance = 1e-7f,
            MaximumNumberOfIterations = 1000,
        };
        _fitted = _ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(options).Fit(Load(rows));

        VBuffer<float>[] perLabel = [];
        _fitted.Model.GetWeights(ref perLabel, out var labels);
        if (labels != labelCount) throw new InvalidDataException($"ML.NET returned {labels} classes, expected {labelCount}");
        var weights = new float[vocabulary.Count * labelCount];
        for (var l = 0; l < labelCount; l++)
        {
            foreach (var (f, w) in perLabel[l].Items()) weights[(f * labelCount) + l] = w * idf[f];
        }
        return new TopicModel(LabelledSet.AllLabels, vocabulary, weights, [.. _fitted.Model.GetBiases()], confidentAt: 0f);
    }

    /// <summary>ML.NET's own probabilities for the rows, to prove the exported model computes the same.</summary>
    public IReadOnlyList<float[]> Probabilities(IReadOnlyList<(int Label, string Text)> rows)
    {
        var fitted = _fitted ?? throw new InvalidOperationException("Fit first");
        return [.. _ml.Data.CreateEnumerable<Scored>(fitted.Transform(Load(rows)), reuseRowObject: false).Select(s => s.Score)];
    }

    private IDataView Load(IReadOnlyList<(int Label, string Text)> rows)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, vocabulary.Count);
        schema[nameof(Row.Label)].ColumnType = new KeyDataViewType(typeof(uint), labelCount);
        return _ml.Data.LoadFromEnumerable(rows.Select(r => new Row { Features = Vector(r.Text), Label = (uint)r.Label }), schema);
    }

    /// <summary>The app's own vectoriser, with repeated grams summed into one sorted sparse vector.</summary>
    private VBuffer<float> Vector(string text)
    {
        var indices = new int[TopicVocabulary.MaxEntries];
        var values = new float[TopicVocabulary.MaxEntries];
        var count = vocabulary.Vectorize(text, indices, values);
        var summed = new SortedDictionary<int, float>();
        for (var i = 0; i < count; i++) summed[indices[i]] = summed.GetValueOrDefault(indices[i]) + (values[i] * idf[indices[i]]);
        return new VBuffer<float>(vocabulary.Count, summed.Count, [.. summed.Values], [.. summed.Keys]);
    }

    private sealed class Row
    {
        public VBuffer<float> Features { get; set; }

        public uint Label { get; set; }
    }

    private sealed class Scored
    {
        public float[] Score { get; set; } = [];
    }
}
