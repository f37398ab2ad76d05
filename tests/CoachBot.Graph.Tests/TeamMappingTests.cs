using CoachBot.Graph.Directory;

namespace CoachBot.Graph.Tests;

public sealed class TeamMappingTests
{
    [Fact]
    public void Parses_HeaderCommentsQuotesGuidsAndUpns()
    {
        const string csv = """
            manager,rep
            # West team (Entra has no manager field here)
            maya.patel@contoso-sales.example, sam.rivera@contoso-sales.example

            "f6afe125-4058-5178-b1ca-33dc3a8819fb","8ded7029-39fa-5fe2-83e1-004c25a9d2d3"
            maya.patel@contoso-sales.example,sam.rivera@contoso-sales.example
            """;

        var mapping = TeamMappingCsv.Parse(csv);

        Assert.Equal(2, mapping.Entries.Count); // the repeated identical row is harmless
        Assert.Equal(3, mapping.Entries[0].LineNumber);
        Assert.Equal(["sam.rivera@contoso-sales.example"], mapping.RepsOf("nobody", "MAYA.PATEL@contoso-sales.example"));
        Assert.Equal("f6afe125-4058-5178-b1ca-33dc3a8819fb", mapping.ManagerOf("8ded7029-39fa-5fe2-83e1-004c25a9d2d3"));
        Assert.Null(mapping.ManagerOf("someone@else.example"));
    }

    [Fact]
    public void MalformedRows_AreAllReportedWithLineNumbers()
    {
        const string csv = """
            manager,rep
            maya.patel@contoso-sales.example,diego.alvarez@contoso-sales.example
            maya.patel@contoso-sales.example
            not an id,priya.shah@contoso-sales.example
            maya.patel@contoso-sales.example,,
            ,tom.becker@contoso-sales.example
            oliver.hughes@contoso-sales.example,diego.alvarez@contoso-sales.example
            "maya.patel@contoso-sales.example,rachel.kim@contoso-sales.example
            lena.fischer@contoso-sales.example,lena.fischer@contoso-sales.example
            """;

        var ex = Assert.Throws<TeamMappingFormatException>(() => TeamMappingCsv.Parse(csv));

        Assert.Equal(
        [
            "line 3: expected 2 fields (manager,rep), found 1",
            "line 4: manager 'not an id' is neither an object id (GUID) nor a UPN",
            "line 5: expected 2 fields (manager,rep), found 3",
            "line 6: manager is empty",
            "line 7: rep 'diego.alvarez@contoso-sales.example' already has manager 'maya.patel@contoso-sales.example' (line 2)",
            "line 8: unterminated quoted field",
            "line 9: 'lena.fischer@contoso-sales.example' cannot be their own manager",
        ], ex.Errors);
        Assert.Contains("line 4:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ReadsFile()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "\uFEFFa@x.example,b@x.example\n");
            Assert.Single(TeamMappingCsv.Load(path).Entries);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
