namespace CoachBot.Coaching;

/// <summary>
/// A turn answered outside the coaching arc (a manager's command, an invitation to a 1:1 chat): the stored turn kind, its
/// text, and the day whose card it shows. The coaching state is left as it was.
/// </summary>
internal sealed record AsideReply(string Kind, string Text, DateOnly Day);
