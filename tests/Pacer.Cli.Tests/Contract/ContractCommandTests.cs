using Pacer.TestSupport;
using System.Text.Json.Nodes;
using Pacer.Cli.Tests.EndToEnd;
using Xunit;

namespace Pacer.Cli.Tests.Contract;

/// <summary>
/// <c>pacer contract</c> against a real Storefront with its own document: clean as served, and failing with
/// exact messages on a copy where one field's type changed and a required field was added.
/// </summary>
public sealed class ContractCommandTests(StorefrontServer storefront) : IClassFixture<StorefrontServer>
{
    private static string ExamplesFolder => Path.Combine(AppContext.BaseDirectory, "examples", "storefront");

    [Fact]
    public async Task Passes_on_storefront_with_its_own_document_through_the_example_flows()
    {
        using var directory = new TempDirectory();

        var outcome = await PacerCli.RunAsync(
            directory.Path, "contract", "--openapi", storefront.DocumentPath, "--base-url", storefront.ApiUrl,
            "--flows", ExamplesFolder, "--var", $"admin_password={StorefrontServer.AdminPassword}");

        Assert.True(outcome.ExitCode == ExitCodes.Passed, outcome.ToString());
        Assert.Contains("Contract passed:", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fails_with_exact_messages_when_a_field_type_changed_and_a_required_field_was_added()
    {
        using var directory = new TempDirectory();
        var document = JsonNode.Parse(storefront.DocumentText)!;
        var product = document["components"]!["schemas"]!["ProductResponse"]!;
        product["properties"]!["currency"]!["type"] = "integer";
        // Storefront's document lists no required properties on ProductResponse since #17: add the array.
        ((product["required"] ??= new JsonArray()).AsArray()).Add("sku");
        var changed = Path.Combine(directory.Path, "changed.json");
        await File.WriteAllTextAsync(changed, document.ToJsonString(), TestContext.Current.CancellationToken);

        var outcome = await PacerCli.RunAsync(
            directory.Path, "contract", "--openapi", changed, "--base-url", storefront.ApiUrl,
            "--flows", Path.Combine(ExamplesFolder, "02-catalog.flow.md"));

        Assert.True(outcome.ExitCode == ExitCodes.TestFailed, outcome.ToString());
        var lines = outcome.Out.Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.Contains("GET /api/v1/products/{id}", lines);
        Assert.Contains(lines, l => l.StartsWith("  ✗ 200: body /currency (property 'currency'): type: wanted integer, got string \"USD\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  ✗ 200: body / (property 'sku'): required: wanted property 'sku', got no such property", StringComparison.Ordinal));
        Assert.Contains("GET /api/v1/products", lines);
        Assert.Contains(lines, l => l.StartsWith("  ✗ 200: body /items/0/currency (property 'currency'): type: wanted integer, got string \"USD\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Contract failed: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fails_with_exit_1_when_the_login_flow_fails()
    {
        using var directory = new TempDirectory();
        var login = Path.Combine(directory.Path, "login.flow.md");
        await File.WriteAllTextAsync(login, """
            ```step
            POST /auth/login
            Content-Type: application/json

            {"login": "admin@storefront.local", "password": "not-the-password"}

            [Captures]
            token: accessToken

            [Asserts]
            status == 200
            ```
            """, TestContext.Current.CancellationToken);

        var outcome = await PacerCli.RunAsync(
            directory.Path, "contract", "--openapi", storefront.DocumentPath, "--base-url", storefront.ApiUrl, "--login", login, "--check", "unsupported-method");

        Assert.True(outcome.ExitCode == ExitCodes.TestFailed, outcome.ToString());
        Assert.Contains("note: the login flow", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("skipped: it is secured and no --login flow captured a token", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("Contract failed: the login flow failed; ", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejects_a_document_that_is_not_openapi_with_exit_2()
    {
        using var directory = new TempDirectory();
        var bad = Path.Combine(directory.Path, "bad.json");
        await File.WriteAllTextAsync(bad, "{\"hello\": 1}", TestContext.Current.CancellationToken);

        var outcome = await PacerCli.RunAsync(directory.Path, "contract", "--openapi", bad, "--base-url", storefront.ApiUrl);

        Assert.Equal(ExitCodes.BadInput, outcome.ExitCode);
        Assert.Contains("bad.json", outcome.Error, StringComparison.Ordinal);
    }
}
