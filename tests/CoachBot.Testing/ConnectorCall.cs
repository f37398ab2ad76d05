using System.Text.Json;

namespace CoachBot.Testing;

/// <summary>One call the bot made to the <see cref="ConnectorStub"/>, as the stub received and answered it.</summary>
public sealed record ConnectorCall(string Method, string Path, string? ConversationId, string? ReplyToId, string Authorization, JsonElement? Body, bool Succeeded)
{
    /// <summary>When the stub received the call.</summary>
    public DateTime At { get; } = DateTime.UtcNow;

    public string? Text => Body is { } b && b.TryGetProperty("text", out var t) ? t.GetString() : null;
    public string? Type => Body is { } b && b.TryGetProperty("type", out var t) ? t.GetString() : null;
}
