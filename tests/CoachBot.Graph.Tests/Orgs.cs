using CoachBot.Tools.GraphServer.Org;

namespace CoachBot.Graph.Tests;

/// <summary>Sample-org ids used by the tests (from samples/org.json) and small generated orgs.</summary>
internal static class Orgs
{
    public const string Maya = "f6afe125-4058-5178-b1ca-33dc3a8819fb";
    public const string Oliver = "652d85ba-7a73-501c-950d-6fa24a274bd4";
    public const string Lena = "541bc105-1277-536b-a592-0c12b6abf33a";
    public const string Diego = "8ded7029-39fa-5fe2-83e1-004c25a9d2d3";
    public const string Hannah = "002114bc-137a-578d-828d-71c3b1090042";
    public const string Sam = "9f2d0128-e49b-5ffc-a0d5-cc29acb8bf22";
    public const string SalesManagersGroup = "4f596ecc-13d4-57fe-b4d1-7329d0319c48";
    public const string CoachBotCatalogId = "d853fd53-1f7c-5311-b2a0-39d1ceccae17";
    public const string CoachBotManifestId = "b525083b-a86c-583d-be63-08c784c8bafb";

    /// <summary>One manager with <paramref name="reps"/> reps and empty calendars.</summary>
    public static OrgData BigTeam(int reps)
    {
        var manager = new OrgUser
        {
            Id = Guid.NewGuid().ToString(), DisplayName = "Big Boss", UserPrincipalName = "big.boss@test.example",
            Role = UserRole.Manager, TimeZone = "Pacific Standard Time",
        };
        var org = new OrgData { GenerateMeetings = false, PageSize = 10, Users = [manager] };
        for (var i = 0; i < reps; i++)
        {
            org.Users.Add(new OrgUser
            {
                Id = Guid.NewGuid().ToString(), DisplayName = $"Rep {i}", UserPrincipalName = $"rep{i}@test.example",
                Role = UserRole.Rep, ManagerId = manager.Id, TimeZone = "Pacific Standard Time",
            });
        }

        return org;
    }
}
