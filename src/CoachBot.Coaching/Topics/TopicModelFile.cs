using System.Text.Json.Serialization;

namespace CoachBot.Coaching.Topics;

/// <summary>
/// The shipped model as written by tools/TopicTrainer: labels (taxonomy ids and "none"), one bias and one weight per
/// label for each known n-gram, and the confidence threshold chosen on the validation split. Weights are stored as
/// whole numbers of 1/<see cref="Scale"/>, which keeps the file about half the size of decimals.
/// </summary>
public sealed record TopicModelFile
{
    public required IReadOnlyList<string> Labels { get; init; }

    public required float ConfidentAt { get; init; }

    public required int Scale { get; init; }

    public required int[] Bias { get; init; }

    public required Dictionary<string, int[]> Words { get; init; }

    public required Dictionary<string, int[]> Chars { get; init; }

    /// <summary>How the model was made, for people reading the file; never read by the app.</summary>
    public IReadOnlyDictionary<string, string>? Trained { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TopicModelFile))]
public sealed partial class TopicModelJson : JsonSerializerContext;
