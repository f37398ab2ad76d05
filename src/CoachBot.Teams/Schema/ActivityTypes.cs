namespace CoachBot.Teams.Schema;

public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string InvokeResponse = "invokeResponse";
    public const string Typing = "typing";
    public const string Event = "event";
}

public static class TextFormats
{
    public const string Plain = "plain";
    public const string Markdown = "markdown";
}

public static class Channels
{
    public const string MsTeams = "msteams";
}
