using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Authentication.Azure;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace CoachBot.Graph;

/// <summary>Builds the GraphServiceClient: SDK middleware (retry honouring Retry-After), per-mailbox gate, app-only auth.</summary>
public static class GraphClientBuilder
{
    private static readonly string[] GraphScopes = ["https://graph.microsoft.com/.default"];

    public static GraphServiceClient Build(GraphOptions options, MailboxConcurrencyHandler mailboxGate, HttpMessageHandler? finalHandler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var baseUrl = options.BaseUrl.TrimEnd('/');
        var httpClient = CreateHttpClient(options, mailboxGate, finalHandler);
        return new GraphServiceClient(httpClient, CreateAuthProvider(options, new Uri(baseUrl)), baseUrl);
    }

    /// <summary>
    /// GraphClientFactory's pipeline carries the SDK's retry handler; a plain HttpClient would throw on the first 429.
    /// The mailbox gate sits outermost so a request keeps its slot while the retry handler waits out Retry-After.
    /// </summary>
    internal static HttpClient CreateHttpClient(GraphOptions options, MailboxConcurrencyHandler mailboxGate, HttpMessageHandler? finalHandler)
    {
        var retry = new RetryHandlerOption
        {
            MaxRetry = Math.Clamp(options.MaxRetries, 0, 10),
            Delay = (int)Math.Clamp(options.RetryDelay.TotalSeconds, 0, 180),
            RetriesTimeLimit = options.RequestTimeout,
        };
        var handlers = new List<DelegatingHandler> { mailboxGate };
        foreach (var handler in GraphClientFactory.CreateDefaultHandlers())
        {
            handlers.Add(handler is RetryHandler ? new RetryHandler(retry) : handler);
        }

        var client = GraphClientFactory.Create(handlers, finalHandler: finalHandler);
        client.Timeout = options.RequestTimeout;
        return client;
    }

    internal static IAuthenticationProvider CreateAuthProvider(GraphOptions options, Uri baseUrl)
    {
        if (options.IsLocalMode)
        {
            // Never send an unauthenticated request anywhere but this machine.
            if (!baseUrl.IsLoopback)
            {
                throw new InvalidOperationException($"Graph local mode (no ClientId) requires a loopback BaseUrl, not {baseUrl.Host}.");
            }

            return new AnonymousAuthenticationProvider();
        }

        return new AzureIdentityAuthenticationProvider(CreateCredential(options), allowedHosts: [baseUrl.Host], scopes: GraphScopes);
    }

    internal static TokenCredential CreateCredential(GraphOptions options)
    {
        if (options.UseManagedIdentity)
        {
            return string.IsNullOrWhiteSpace(options.ClientId)
                ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ClientId));
        }

        if (string.IsNullOrWhiteSpace(options.TenantId))
        {
            throw new InvalidOperationException("Graph:TenantId is required for app-only authentication.");
        }

        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            return new ClientCertificateCredential(options.TenantId, options.ClientId, options.CertificatePath);
        }

        if (!string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            return new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret);
        }

        throw new InvalidOperationException("Graph:ClientId is set but neither CertificatePath, ClientSecret nor UseManagedIdentity is configured.");
    }
}
