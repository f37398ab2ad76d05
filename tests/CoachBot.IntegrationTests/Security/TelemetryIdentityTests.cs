using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CoachBot.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.IntegrationTests.Security;

/// <summary>
/// With Application Insights' local auth off (the Bicep's default) ingestion accepts only Entra tokens. The app runs as a
/// child process with what App Service gives it — IDENTITY_ENDPOINT/IDENTITY_HEADER (the managed-identity token endpoint)
/// and the Bicep's APPLICATIONINSIGHTS_AUTHENTICATION_STRING — against one loopback stub playing both the token
/// endpoint (http, as App Service's is) and the ingestion endpoint (https: Azure.Core sends bearer tokens over TLS only;
/// a throwaway self-signed certificate, trusted by the child through SSL_CERT_FILE): the telemetry it sends carries
/// the managed identity's bearer token.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TelemetryIdentityTests(AzuriteFixture azurite)
{
    private const string ClientId = "5a1e7c3d-0000-4000-8000-00000000c0de";
    private const string IdentityHeader = "identity-header-from-app-service";
    private const string Token = "token-of-the-managed-identity";

    [Fact]
    public async Task Telemetry_is_sent_with_the_managed_identitys_token_when_the_authentication_string_is_set()
    {
        var tokenRequests = new ConcurrentQueue<string>();
        var ingestion = new ConcurrentQueue<string>();
        using var certificate = SelfSignedLoopbackCertificate();
        var trusted = Path.Combine(Path.GetTempPath(), $"coachbot-stub-{Guid.NewGuid():N}.crt");
        await File.WriteAllTextAsync(trusted, certificate.ExportCertificatePem());
        await using var stub = await StartStubAsync(certificate, tokenRequests, ingestion);
        var addresses = stub.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        var secure = addresses.Single(a => a.StartsWith("https:", StringComparison.Ordinal)).TrimEnd('/');
        var plain = addresses.Single(a => a.StartsWith("http:", StringComparison.Ordinal)).TrimEnd('/');

        await using var bot = await BotProcess.StartAsync(azurite.ConnectionString,
            new Dictionary<string, string?>
            {
                ["APPLICATIONINSIGHTS_CONNECTION_STRING"] =
                    $"InstrumentationKey=00000000-0000-4000-8000-000000000001;IngestionEndpoint={secure}/;LiveEndpoint={secure}/",
                ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = $"Authorization=AAD;ClientId={ClientId}",
            },
            new Dictionary<string, string>
            {
                ["IDENTITY_ENDPOINT"] = $"{plain}/msi/token",
                ["SSL_CERT_FILE"] = trusted,
                ["IDENTITY_HEADER"] = IdentityHeader,
                ["APPLICATIONINSIGHTS_STATSBEAT_DISABLED"] = "true",
                ["APPLICATIONINSIGHTS_SDKSTATS_DISABLED_ALL"] = "true",
            });
        using var client = bot.CreateHttpClient();
        using var live = await client.GetAsync(new Uri("/healthz/live", UriKind.Relative)); // a request span to export

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (ingestion.IsEmpty && DateTime.UtcNow < deadline && !bot.HasExited) await Task.Delay(200);

        File.Delete(trusted);
        Assert.False(ingestion.IsEmpty, "no telemetry reached the ingestion stub; stub saw: " + string.Join(" | ", tokenRequests) + "\n" + bot.Output);
        Assert.All(ingestion, authorization => Assert.Equal("Bearer " + Token, authorization));
        Assert.Contains(tokenRequests, q => q.Contains("client_id=" + ClientId, StringComparison.Ordinal) && q.Contains("monitor.azure.com", StringComparison.Ordinal));
    }

    private static X509Certificate2 SelfSignedLoopbackCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }

    private static async Task<WebApplication> StartStubAsync(X509Certificate2 certificate, ConcurrentQueue<string> tokenRequests, ConcurrentQueue<string> ingestion)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate));
            k.Listen(IPAddress.Loopback, 0);
        });
        var app = builder.Build();
        app.MapGet("/msi/token", (HttpRequest request) =>
        {
            if (request.Headers["X-IDENTITY-HEADER"] != IdentityHeader) return Results.StatusCode(401);
            tokenRequests.Enqueue(Uri.UnescapeDataString(request.QueryString.Value ?? ""));
            var expires = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            return Results.Text(
                $$"""{"access_token":"{{Token}}","expires_on":"{{expires}}","resource":"https://monitor.azure.com/","token_type":"Bearer","client_id":"{{ClientId}}"}""",
                "application/json");
        });
        app.MapPost("/v2.1/track", async (HttpRequest request) =>
        {
            ingestion.Enqueue(request.Headers.Authorization.ToString());
            await request.Body.CopyToAsync(Stream.Null);
            return Results.Text("""{"itemsReceived":1,"itemsAccepted":1,"errors":[]}""", "application/json");
        });
        app.MapFallback((HttpRequest request) =>
        {
            tokenRequests.Enqueue("unexpected " + request.Method + " " + request.Path + request.QueryString);
            return Results.NotFound();
        });
        await app.StartAsync();
        return app;
    }
}
