using System.Globalization;
using System.Text.Json;
using CoachBot.Coaching.Topics;

namespace CoachBot.Tools.TopicTrainer;

/// <summary>Reads the labelled set, trains on its training part, picks the threshold on its validation part, writes the model and reports.</summary>
internal static class Trainer
{
    /// <summary>Weights are kept to 1/1000: a message's score moves by well under 0.01, and the file stays small.</summary>
    public const int Scale = 1000;

    public static void Run(IReadOnlyList<string> dataPaths, string modelPath, string arguments, TextWriter output)
    {
        var set = LabelledSet.Read(dataPaths);
        output.WriteLine(FormattableString.Invariant($"data: {set.Train.Count + set.Validation.Count} messages from {dataPaths.Count} files ({set.Duplicates} duplicates and {set.Conflicts} lines another file labels differently dropped), training {set.Train.Count}, validation {set.Validation.Count} ({TopicTrainingSet.ValidationPercent} % by hash, seed {TopicTrainingSet.Seed})"));

        var (vocabulary, idf) = VocabularyBuilder.Build([.. set.Train.Select(t => t.Text)]);
        var (l2, scores) = CrossValidation.ChooseL2(set.Train, set.Labels.Count);
        foreach (var (candidate, cv) in scores) output.WriteLine(FormattableString.Invariant($"  L2 {candidate}: {CrossValidation.Folds}-fold accuracy on the training part {cv:P1}"));
        output.WriteLine(FormattableString.Invariant($"L2 chosen: {l2}"));
        var trainer = new MaxEntTrainer(vocabulary, idf, set.Labels.Count, l2);
        var fitted = trainer.Fit(set.Train);
        var drift = MaxDifference(fitted, trainer.Probabilities(set.Validation), set.Validation);
        if (drift > 1e-4) throw new InvalidDataException($"exported weights disagree with ML.NET by {drift}");

        var draft = fitted.ToFile(Scale, trained: null);
        var rounded = TopicModel.FromFile(draft);
        var validation = Evaluate(rounded, set.Validation);
        var confidentAt = ConfidenceThreshold.Choose(validation);
        var accuracy = Accuracy(validation);
        var file = draft with
        {
            ConfidentAt = confidentAt,
            Trained = new Dictionary<string, string>
            {
                ["command"] = $"dotnet run --project tools/TopicTrainer -c Release -- {arguments}",
                ["data"] = string.Join(", ", dataPaths),
                ["trainer"] = $"ML.NET LbfgsMaximumEntropy, L2 {l2} (by {CrossValidation.Folds}-fold cross-validation on the training part), L1 {MaxEntTrainer.L1}, seed {MaxEntTrainer.Seed}, one thread",
                ["training messages"] = set.Train.Count.ToString(CultureInfo.InvariantCulture),
                ["validation messages"] = set.Validation.Count.ToString(CultureInfo.InvariantCulture),
                ["validation accuracy"] = accuracy.ToString("0.0000", CultureInfo.InvariantCulture),
                ["confidentAt rule"] = $"lowest 0.01 step with topic-guess precision >= {ConfidenceThreshold.Precision} on validation",
            },
        };
        File.WriteAllBytes(modelPath, JsonSerializer.SerializeToUtf8Bytes(file, TopicModelJson.Default.TopicModelFile));

        TopicModel shipped;
        using (var stream = File.OpenRead(modelPath)) shipped = TopicModel.Load(stream);
        var reread = Evaluate(shipped, set.Validation);
        if (Accuracy(reread) != accuracy) throw new InvalidDataException("the written model does not predict like the trained one");
        Report(output, set, vocabulary, file, shipped, reread, drift, new FileInfo(modelPath).Length);
    }

    private static void Report(TextWriter output, LabelledSet set, TopicVocabulary vocabulary, TopicModelFile file, TopicModel shipped,
        List<Guess> validation, double drift, long bytes)
    {
        void Line(FormattableString text) => output.WriteLine(FormattableString.Invariant(text));
        Line($"features: {vocabulary.Words.Count} word + {vocabulary.Chars.Count} char n-grams seen in >= {VocabularyBuilder.MinMessages} training messages; {file.Words.Count} + {file.Chars.Count} with a non-zero weight kept");
        Line($"exported weights vs ML.NET: max probability difference {drift:E1}");
        Line($"training accuracy:   {Accuracy(Evaluate(shipped, set.Train)):P1} of {set.Train.Count}");
        Line($"validation accuracy: {Accuracy(validation):P1} of {validation.Count}");
        var confident = validation.Where(g => g.Predicted != TopicModel.NoTopic && g.Confidence >= file.ConfidentAt).ToList();
        var topicMessages = validation.Count(g => g.Label != TopicModel.NoTopic);
        Line($"confidentAt: {file.ConfidentAt:0.00} — confident topic guesses right {confident.Count(g => g.Correct)}/{confident.Count}; {confident.Count(g => g.Correct)}/{topicMessages} validation topic messages get a confident right topic");
        Line($"model file: {bytes:N0} bytes");
        output.WriteLine("validation per label (right/total):");
        foreach (var label in set.Labels)
        {
            var of = validation.Where(g => g.Label == label).ToList();
            Line($"  {label,-22} {of.Count(g => g.Correct),3}/{of.Count,-3}");
        }
        output.WriteLine("validation misses:");
        foreach (var miss in validation.Where(g => !g.Correct)) Line($"  {miss.Label} <- {miss.Predicted} ({miss.Confidence:0.00}): {miss.Text}");
    }

    private static List<Guess> Evaluate(TopicModel model, IReadOnlyList<(int Label, string Text)> rows) =>
        [.. rows.Select(r =>
        {
            var guess = model.Classify(r.Text);
            return new Guess(LabelledSet.AllLabels[r.Label], guess.Topic?.Id ?? TopicModel.NoTopic, guess.Confidence, r.Text);
        })];

    private static double Accuracy(List<Guess> guesses) => guesses.Count == 0 ? 0 : (double)guesses.Count(g => g.Correct) / guesses.Count;

    private static double MaxDifference(TopicModel model, IReadOnlyList<float[]> mlNet, IReadOnlyList<(int Label, string Text)> rows)
    {
        var ours = new float[model.Labels.Count];
        var max = 0.0;
        for (var i = 0; i < rows.Count; i++)
        {
            if (!model.Predict(rows[i].Text, ours)) continue;
            for (var l = 0; l < ours.Length; l++) max = Math.Max(max, Math.Abs(ours[l] - mlNet[i][l]));
        }
        return max;
    }
}
