using CoachBot.Tools.TopicTrainer;

// Trains CoachBot's topic classifier from labelled messages and writes the model the app embeds.
//   dotnet run --project tools/TopicTrainer -c Release -- content/topics/training.tsv src/CoachBot.Coaching/Topics/topic-model.json
// Deterministic: the same data gives the same file. Never reads a held-out set.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: TopicTrainer <training.tsv> [<more.tsv> ...] <model.json>");
    return 2;
}

try
{
    Trainer.Run(args[..^1], args[^1], Console.Out);
    return 0;
}
catch (Exception e) when (e is InvalidDataException or FormatException or IOException)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
