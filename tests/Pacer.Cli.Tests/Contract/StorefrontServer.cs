using Pacer.TestSupport;
using Xunit;

namespace Pacer.Cli.Tests.Contract;

/// <summary>
/// A <see cref="StorefrontTestServer"/> shared by a test class (rate limits off: the contract sweeps send bursts), with
/// its own OpenAPI document saved to <see cref="DocumentPath"/> as the contract tests read it.
/// </summary>
public sealed class StorefrontServer : IAsyncLifetime
{
    public const string AdminPassword = StorefrontTestServer.AdminPassword;

    private StorefrontTestServer? server;

    private StorefrontTestServer Server => server ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>The server root, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string RootUrl => Server.RootUrl;

    /// <summary>The root the example flows use: <c>{RootUrl}/api/v1</c>.</summary>
    public string ApiUrl => Server.ApiUrl;

    public string DocumentPath => Path.Combine(Server.DataDirectory, "storefront.json");

    public string DocumentText { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        server = await StorefrontTestServer.StartAsync(
            new Dictionary<string, string> { ["Storefront:RateLimiting:Enabled"] = "false" }, TestContext.Current.CancellationToken);
        DocumentText = await server.GetDocumentAsync(TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(DocumentPath, DocumentText, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
