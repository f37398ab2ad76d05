using System.Net;
using CoachBot.Teams.Auth;
using CoachBot.Testing;

namespace CoachBot.Teams.Tests.Auth;

/// <summary>How often the metadata server is hit: once for many requests, once more per rotation, never per forgery.</summary>
public sealed class SigningKeyCachingTests : AuthTestContext
{
    [Fact]
    public async Task Many_validations_fetch_metadata_and_keys_once()
    {
        using var auth = Authenticator();
        var token = Bearer(TestTokens.BotFramework());
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => auth.AuthenticateAsync(token, TeamsActivity(), default).AsTask()));
        for (var i = 0; i < 30; i++)
            Assert.True((await auth.AuthenticateAsync(token, TeamsActivity(), default)).Succeeded);
        Assert.All(results, r => Assert.True(r.Succeeded, r.Failure));
        Assert.Equal(1, Server.MetadataHits);
        Assert.Equal(1, Server.KeysHits);
    }

    [Fact]
    public async Task Keys_are_refetched_after_the_automatic_refresh_interval()
    {
        using var auth = Authenticator();
        var token = Bearer(TestTokens.BotFramework());
        Assert.True((await auth.AuthenticateAsync(token, TeamsActivity(), default)).Succeeded);
        Time.Advance(TimeSpan.FromHours(11));
        Assert.True((await auth.AuthenticateAsync(token, TeamsActivity(), default)).Succeeded);
        Assert.Equal(1, Server.MetadataHits);
        Time.Advance(TimeSpan.FromHours(2));
        Assert.True((await auth.AuthenticateAsync(token, TeamsActivity(), default)).Succeeded);
        Assert.Equal(2, Server.MetadataHits);
    }

    [Fact]
    public async Task Unknown_kid_triggers_one_rate_limited_refresh()
    {
        using var auth = Authenticator();
        Assert.True((await auth.AuthenticateAsync(Bearer(TestTokens.BotFramework()), TeamsActivity(), default)).Succeeded);
        Assert.Equal(1, Server.MetadataHits);

        var forged = Bearer(TestTokens.BotFramework(key: TestSigningKey.Stranger));
        Assert.Equal("The token's signing key is unknown.", (await auth.AuthenticateAsync(forged, TeamsActivity(), default)).Failure);
        Assert.Equal(2, Server.MetadataHits);
        Assert.Equal(2, Server.KeysHits);

        // A flood of unknown kids within the rate-limit window costs no further fetches.
        for (var i = 0; i < 10; i++)
            Assert.False((await auth.AuthenticateAsync(forged, TeamsActivity(), default)).Succeeded);
        Assert.Equal(2, Server.MetadataHits);

        Time.Advance(TimeSpan.FromMinutes(6));
        Assert.False((await auth.AuthenticateAsync(forged, TeamsActivity(), default)).Succeeded);
        Assert.Equal(3, Server.MetadataHits);
    }

    [Fact]
    public async Task Key_rotated_in_after_start_is_picked_up()
    {
        using var auth = Authenticator();
        Assert.True((await auth.AuthenticateAsync(Bearer(TestTokens.BotFramework()), TeamsActivity(), default)).Succeeded);

        Server.AddBotFrameworkKey(TestSigningKey.B, "msteams");
        var rotated = await auth.AuthenticateAsync(Bearer(TestTokens.BotFramework(key: TestSigningKey.B)), TeamsActivity(), default);
        Assert.True(rotated.Succeeded, rotated.Failure);
        Assert.Equal(2, Server.MetadataHits);
        // The old key keeps working and nothing more is fetched.
        Assert.True((await auth.AuthenticateAsync(Bearer(TestTokens.BotFramework()), TeamsActivity(), default)).Succeeded);
        Assert.Equal(2, Server.MetadataHits);
    }

    [Fact]
    public async Task Metadata_server_down_fails_closed_then_recovers()
    {
        Server.Down = true;
        using var auth = Authenticator();
        var token = Bearer(TestTokens.BotFramework());
        var result = await auth.AuthenticateAsync(token, TeamsActivity(), default);
        Assert.Equal("Signing keys are unavailable; try again shortly.", result.Failure);
        Assert.Equal(503, result.StatusCode); // the channel retries a 503; it drops a 401

        Server.Down = false;
        Assert.False((await auth.AuthenticateAsync(token, TeamsActivity(), default)).Succeeded); // still backing off
        Time.Advance(TimeSpan.FromSeconds(31));
        var recovered = await auth.AuthenticateAsync(token, TeamsActivity(), default);
        Assert.True(recovered.Succeeded, recovered.Failure);
    }

    [Fact]
    public async Task Metadata_server_unreachable_fails_closed()
    {
        var port = FreePort.Next(); // nothing listens there now

        using var auth = Authenticator(o => o.OpenIdMetadataUrl = $"http://127.0.0.1:{port}/v1/.well-known/openidconfiguration");
        var result = await auth.AuthenticateAsync(Bearer(TestTokens.BotFramework()), TeamsActivity(), default);
        Assert.Equal("Signing keys are unavailable; try again shortly.", result.Failure);
        Assert.Equal(503, result.StatusCode);
    }

    [Fact]
    public async Task Last_good_keys_are_kept_when_a_refresh_fails()
    {
        using var auth = Authenticator();
        var token = Bearer(TestTokens.BotFramework());
        Assert.True((await auth.AuthenticateAsync(token, TeamsActivity(), default)).Succeeded);
        Server.Down = true;
        Time.Advance(TimeSpan.FromHours(13));
        var result = await auth.AuthenticateAsync(token, TeamsActivity(), default);
        Assert.True(result.Succeeded, result.Failure);
    }

    [Fact]
    public async Task Unusable_metadata_or_key_sets_are_errors()
    {
        var retriever = new OpenIdKeyRetriever(Http);
        await Assert.ThrowsAsync<InvalidDataException>(() => retriever.GetAsync($"{Server.BaseUrl}/plain-http-jwks", Time.GetUtcNow(), default));
        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => retriever.GetAsync($"{Server.BaseUrl}/missing", Time.GetUtcNow(), default));
        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Throws<InvalidDataException>(() => OpenIdKeyRetriever.Parse("""{"keys":[]}""", Time.GetUtcNow()));
        Assert.Throws<InvalidDataException>(() => OpenIdKeyRetriever.Parse("not json", Time.GetUtcNow()));
    }

    [Fact]
    public async Task Endorsements_are_read_from_the_jwks()
    {
        var keys = await new OpenIdKeyRetriever(Http).GetAsync(Server.BotFrameworkMetadataUrl, Time.GetUtcNow(), default);
        Assert.Contains(TestSigningKey.A.Kid, keys.Keys.Keys);
        Assert.Equal(["msteams", "webchat"], keys.Endorsements[TestSigningKey.A.Kid].Order(StringComparer.Ordinal));
    }
}
