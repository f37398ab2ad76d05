using System.Text.Json;
using System.Text.RegularExpressions;
using CoachBot.Teams.Schema;

namespace CoachBot.Coaching;

/// <summary>Removes the bot's own @mention from a message so group-chat text reads like a 1:1 message.</summary>
internal static partial class MentionText
{
    public static string StripBotMention(Activity a)
    {
        var text = a.Text ?? string.Empty;
        foreach (var entity in a.Entities ?? [])
        {
            if (entity.Type != "mention" || entity.Properties is null) continue;
            if (!entity.Properties.TryGetValue("mentioned", out var mentioned) || mentioned.ValueKind != JsonValueKind.Object) continue;
            var id = mentioned.TryGetProperty("id", out var idEl) && idEl.ValueKind == JsonValueKind.String ? idEl.GetString() : null;
            if (id is null || id != a.Recipient?.Id) continue;
            if (entity.Properties.TryGetValue("text", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() is { Length: > 0 } tag)
                text = text.Replace(tag, string.Empty, StringComparison.Ordinal);
        }
        // Group chats may carry a mention tag without an entity; any leading <at>…</at> addresses the bot.
        return LeadingAtTag().Replace(text, string.Empty).Trim();
    }

    [GeneratedRegex(@"^\s*<at[^>]*>[^<]*</at>", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingAtTag();
}
