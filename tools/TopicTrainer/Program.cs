using CoachBot.Coaching.Topics;
using CoachBot.Tools.TopicTrainer;

// Trains CoachBot's topic classifier from labelled messages and writes the model the app embeds. Run from the repository root:
//   dotnet run --project tools/TopicTrainer -c Release -- content/topics/sources.txt src/CoachBot.Coaching/Topics/topic-model.json
// A .txt argument is a list of labelled files (paths from the current directory); a .tsv argument is one labelled file.
// Deterministic: the same data gives the same file. Reads only the files it is given: never list a fresh held-out set.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: TopicTrainer <sources.txt | labelled.tsv> [...] <model.json>");
    return 2;
}

try
{
    var data = args[..^1].SelectMany(a => a.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) ? TopicTrainingSet.Sources(File.ReadLines(a)) : [a]).ToList();
    Trainer.Run(data, args[^1], string.Join(' ', args), Console.Out);
    return 0;
}
catch (Exception e) when (e is InvalidDataException or FormatException or IOException)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
