using CoachBot.Teams.Schema;

namespace CoachBot.Teams.Hosting;

/// <summary>The fields an inbound activity needs before the bot can process and answer it.</summary>
public static class ActivityValidator
{
    public const int MaxIdLength = 1024;

    /// <summary>Null when the activity is usable, else a short reason for the 400 response.</summary>
    public static string? Validate(Activity a)
    {
        if (string.IsNullOrWhiteSpace(a.Type)) return "The activity has no type.";
        if (string.IsNullOrWhiteSpace(a.ServiceUrl) || !Uri.TryCreate(a.ServiceUrl, UriKind.Absolute, out _)) return "The activity has no valid serviceUrl.";
        if (string.IsNullOrWhiteSpace(a.Conversation?.Id)) return "The activity has no conversation.id.";
        if (a.Type is ActivityTypes.Message or ActivityTypes.Invoke)
        {
            if (string.IsNullOrWhiteSpace(a.Id)) return "The activity has no id.";
            if (string.IsNullOrWhiteSpace(a.From?.Id)) return "The activity has no from.id.";
        }
        if (TooLong(a.Id) || TooLong(a.Conversation.Id) || TooLong(a.From?.Id) || TooLong(a.From?.AadObjectId) || TooLong(a.TenantId))
            return "An id in the activity is too long.";
        return null;
    }

    /// <summary><see cref="Validate(Activity)"/>, then the host's <paramref name="rules"/> in order.</summary>
    public static string? Validate(Activity a, IEnumerable<IActivityRule>? rules)
    {
        if (Validate(a) is { } invalid) return invalid;
        foreach (var rule in rules ?? []) if (rule.Check(a) is { } reason) return reason;
        return null;
    }

    private static bool TooLong(string? s) => s is { Length: > MaxIdLength };
}
