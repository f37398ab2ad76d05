using System.Text.Json.Serialization;

namespace CoachBot.Teams.Cards;

/// <summary>The body elements CoachBot uses. The "type" discriminator is written by the serializer.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(RichTextBlock), "RichTextBlock")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(InputText), "Input.Text")]
[JsonDerivedType(typeof(InputChoiceSet), "Input.ChoiceSet")]
[JsonDerivedType(typeof(InputDate), "Input.Date")]
public abstract record CardElement
{
    public string? Id { get; init; }
    /// <summary>None, Small, Default, Medium, Large, ExtraLarge, Padding.</summary>
    public string? Spacing { get; init; }
    public bool? Separator { get; init; }
    public bool? IsVisible { get; init; }
}

public sealed record TextBlock(string Text) : CardElement
{
    public bool? Wrap { get; init; } = true;
    /// <summary>Small, Default, Medium, Large, ExtraLarge.</summary>
    public string? Size { get; init; }
    /// <summary>Lighter, Default, Bolder.</summary>
    public string? Weight { get; init; }
    /// <summary>Default, Dark, Light, Accent, Good, Warning, Attention.</summary>
    public string? Color { get; init; }
    public bool? IsSubtle { get; init; }
    public int? MaxLines { get; init; }
    /// <summary>heading marks a title for screen readers (1.5).</summary>
    public string? Style { get; init; }
}

public sealed record RichTextBlock(IReadOnlyList<TextRun> Inlines) : CardElement;

public sealed record TextRun(string Text)
{
    [JsonPropertyName("type")] public string Type { get; init; } = "TextRun";
    public string? Weight { get; init; }
    public bool? Italic { get; init; }
    public bool? IsSubtle { get; init; }
    public string? Color { get; init; }
}

public sealed record Container(IReadOnlyList<CardElement> Items) : CardElement
{
    /// <summary>default, emphasis, good, attention, warning, accent.</summary>
    public string? Style { get; init; }
}

public sealed record ColumnSet(IReadOnlyList<Column> Columns) : CardElement;

public sealed record Column(IReadOnlyList<CardElement> Items)
{
    [JsonPropertyName("type")] public string Type { get; init; } = "Column";
    /// <summary>"auto", "stretch" or a weight such as "2".</summary>
    public string? Width { get; init; }
    public string? VerticalContentAlignment { get; init; }
}

public sealed record FactSet(IReadOnlyList<Fact> Facts) : CardElement;

public sealed record Fact(string Title, string Value);

public sealed record ActionSet(IReadOnlyList<CardAction> Actions) : CardElement;

public abstract record CardInput : CardElement
{
    public string? Label { get; init; }
    public bool? IsRequired { get; init; }
    public string? ErrorMessage { get; init; }
}

public sealed record InputText : CardInput
{
    public string? Placeholder { get; init; }
    public string? Value { get; init; }
    public bool? IsMultiline { get; init; }
    public int? MaxLength { get; init; }
}

public sealed record InputChoiceSet(IReadOnlyList<Choice> Choices) : CardInput
{
    public string? Value { get; init; }
    /// <summary>compact (drop-down) or expanded (radio buttons).</summary>
    public string? Style { get; init; }
    public bool? IsMultiSelect { get; init; }
}

public sealed record Choice(string Title, string Value);

public sealed record InputDate : CardInput
{
    /// <summary>yyyy-MM-dd.</summary>
    public string? Value { get; init; }
    public string? Min { get; init; }
    public string? Max { get; init; }
}
