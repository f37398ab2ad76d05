using CoachBot.Tools.GraphServer.Org;

namespace CoachBot.Tools.GraphServer.Store;

/// <summary>A catalog app installed in a user's personal scope, with the 1:1 chat between the user and its bot.</summary>
public sealed record AppInstallation(string Id, string UserId, CatalogApp App, string ChatId);
