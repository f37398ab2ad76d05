namespace CoachBot.IntegrationTests.Infrastructure;

/// <summary>Finds the repository root (where CoachBot.sln and node_modules live) from the test binaries.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string NodeModules => Path.Combine(Root, "node_modules");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CoachBot.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("CoachBot.sln not found above " + AppContext.BaseDirectory);
    }
}
