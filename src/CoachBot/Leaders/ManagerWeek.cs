using CoachBot.Coaching.Leaders;

namespace CoachBot.Leaders;

/// <summary>One manager's line in a leader's weekly report: who the manager is (a manager, never a rep) and the counts.</summary>
public sealed record ManagerWeek(string LeaderId, string LeaderName, string ManagerId, string ManagerName, ManagerWeekFigures Figures);
