using Pacer.TestSupport;
using Pacer.Cli.Tests.EndToEnd;
using Xunit;

namespace Pacer.Cli.Tests.Contract;

/// <summary>
/// <c>pacer contract</c>'s conformance sweep against a fresh Storefront (its own document, logged in as the admin so
/// every operation is called, seed 1): Storefront keeps to its document, so the sweep reports no mismatch at all. The
/// mismatches it used to report, and how each was fixed, are in docs/probe-storefront-findings.md.
/// </summary>
public sealed class StorefrontConformanceTests(StorefrontServer storefront) : IClassFixture<StorefrontServer>
{
    [Fact]
    public async Task Finds_no_mismatch_between_storefront_and_its_document()
    {
        using var directory = new TempDirectory();
        var login = Path.Combine(directory.Path, "login.flow.md");
        await File.WriteAllTextAsync(login, $$$"""
            ```step
            POST /auth/login
            Content-Type: application/json

            {"login": "admin@storefront.local", "password": "{{{StorefrontServer.AdminPassword}}}"}

            [Captures]
            token: accessToken

            [Asserts]
            status == 200
            ```
            """, TestContext.Current.CancellationToken);

        var outcome = await PacerCli.RunAsync(
            directory.Path, "contract", "--openapi", storefront.DocumentPath, "--base-url", storefront.ApiUrl, "--login", login, "--seed", "1", "--report", "json=contract.json");

        var report = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(directory.Path, "contract.json"), TestContext.Current.CancellationToken))!;
        var found = report["violations"]!.AsArray().Select(v => $"{v!["check"]} {v["operation"]}: {v["case"] ?? ""}").Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(found.Count == 0, outcome.ToString());
        Assert.True(outcome.ExitCode == ExitCodes.Passed, outcome.ToString());
        Assert.Contains("Contract passed:", outcome.Out, StringComparison.Ordinal);
        // Zero must mean "checked and kept", not "nothing sent": every operation was called, 300+ responses in all.
        var responses = report["responses"]!.AsObject();
        Assert.True(responses.Count >= 30 && responses.Sum(r => r.Value!.GetValue<int>()) >= 300, outcome.ToString());
        Assert.DoesNotContain("skipped", outcome.Out, StringComparison.Ordinal);
    }
}
