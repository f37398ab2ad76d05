using CoachBot.Coaching.Topics;

namespace CoachBot.Tools.TopicTrainer;

/// <summary>
/// Picks the L2 strength by k-fold cross-validation inside the training part, so the validation split stays untouched
/// until the threshold and the reported accuracy. Folds take every k-th line, which keeps each label in every fold.
/// </summary>
internal static class CrossValidation
{
    public const int Folds = 5;

    public static IReadOnlyList<float> L2Grid { get; } = [0.1f, 0.3f, 1f];

    public static (float Best, IReadOnlyList<(float L2, double Accuracy)> Scores) ChooseL2(IReadOnlyList<(int Label, string Text)> train, int labelCount)
    {
        var scores = L2Grid.Select(l2 => (l2, Accuracy(train, labelCount, l2))).ToList();
        var best = scores.MaxBy(s => s.Item2);
        return (best.l2, scores);
    }

    private static double Accuracy(IReadOnlyList<(int Label, string Text)> train, int labelCount, float l2)
    {
        var right = 0;
        for (var fold = 0; fold < Folds; fold++)
        {
            var fit = train.Where((_, i) => i % Folds != fold).ToList();
            var test = train.Where((_, i) => i % Folds == fold).ToList();
            var (vocabulary, idf) = VocabularyBuilder.Build([.. fit.Select(t => t.Text)]);
            var model = new MaxEntTrainer(vocabulary, idf, labelCount, l2).Fit(fit);
            right += test.Count(t => Predicted(model, t.Text) == t.Label);
        }
        return (double)right / train.Count;
    }

    private static int Predicted(TopicModel model, string text)
    {
        var guess = model.Classify(text);
        var id = guess.Topic?.Id ?? TopicModel.NoTopic;
        for (var i = 0; i < model.Labels.Count; i++)
        {
            if (model.Labels[i] == id) return i;
        }
        return -1;
    }
}
