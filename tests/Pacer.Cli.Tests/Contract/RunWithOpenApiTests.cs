using Pacer.TestSupport;
using System.Text.Json.Nodes;
using Pacer.Cli.Tests.EndToEnd;
using Xunit;

namespace Pacer.Cli.Tests.Contract;

/// <summary><c>pacer run … --openapi SPEC</c>: the contract checks inside a normal run, a violation failing its step.</summary>
public sealed class RunWithOpenApiTests(StorefrontServer storefront) : IClassFixture<StorefrontServer>
{
    private static string CatalogFlow => Path.Combine(AppContext.BaseDirectory, "examples", "storefront", "02-catalog.flow.md");

    [Fact]
    public async Task A_run_against_storefronts_own_document_passes()
    {
        using var directory = new TempDirectory();

        var outcome = await PacerCli.RunAsync(directory.Path, "run", CatalogFlow, "--base-url", storefront.ApiUrl, "--openapi", storefront.DocumentPath, "--soft-budgets", "--no-color");

        Assert.True(outcome.ExitCode == ExitCodes.Passed, outcome.ToString());
    }

    [Fact]
    public async Task A_violation_fails_its_step_with_the_violation_as_the_reason()
    {
        using var directory = new TempDirectory();
        var document = JsonNode.Parse(storefront.DocumentText)!;
        document["components"]!["schemas"]!["CategoryResponse"]!["properties"]!["name"]!["type"] = "integer";
        var changed = Path.Combine(directory.Path, "changed.json");
        await File.WriteAllTextAsync(changed, document.ToJsonString(), TestContext.Current.CancellationToken);

        var outcome = await PacerCli.RunAsync(directory.Path, "run", CatalogFlow, "--base-url", storefront.ApiUrl, "--openapi", changed, "--soft-budgets", "--no-color");

        Assert.True(outcome.ExitCode == ExitCodes.TestFailed, outcome.ToString());
        Assert.Contains("contract: GET /api/v1/categories → 200: body /0/name (property 'name'): type: wanted integer, got string", outcome.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_that_does_not_load_is_bad_input()
    {
        using var directory = new TempDirectory();

        var outcome = await PacerCli.RunAsync(directory.Path, "run", CatalogFlow, "--base-url", storefront.ApiUrl, "--openapi", Path.Combine(directory.Path, "missing.yaml"));

        Assert.Equal(ExitCodes.BadInput, outcome.ExitCode);
        Assert.Contains("missing.yaml: file not found", outcome.Error, StringComparison.Ordinal);
    }
}
