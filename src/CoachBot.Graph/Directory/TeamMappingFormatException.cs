namespace CoachBot.Graph.Directory;

/// <summary>A team mapping file with bad rows. <see cref="Errors"/> lists every problem with its 1-based line number.</summary>
public sealed class TeamMappingFormatException : FormatException
{
    public TeamMappingFormatException() : this([]) { }

    public TeamMappingFormatException(string message) : base(message) => Errors = [message];

    public TeamMappingFormatException(string message, Exception innerException) : base(message, innerException) => Errors = [message];

    public TeamMappingFormatException(IReadOnlyList<string> errors)
        : base("Team mapping has errors:" + Environment.NewLine + string.Join(Environment.NewLine, errors)) => Errors = errors;

    public IReadOnlyList<string> Errors { get; }
}
