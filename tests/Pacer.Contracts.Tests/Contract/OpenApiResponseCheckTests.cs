using Pacer.Contracts.Contract;
using Pacer.Contracts.OpenApi;
using Pacer.Contracts.Validation;
using Pacer.Core.Execution;
using Pacer.Core.Http;
using Xunit;

namespace Pacer.Contracts.Tests.Contract;

/// <summary>The contract as a run's response check: problems as step reasons, everything kept for the grouped report.</summary>
public sealed class OpenApiResponseCheckTests
{
    private const string Json = """
        {"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{"/items/{id}":{"get":{"responses":{"200":{"description":"ok",
        "content":{"application/json":{"schema":{"type":"object","required":["id"],"properties":{"id":{"type":"integer"}}}}}}}}}}}
        """;

    [Fact]
    public async Task Returns_each_violation_as_a_contract_reason_and_keeps_it_for_the_report()
    {
        var check = new OpenApiResponseCheck(new ResponseValidator(await OpenApiSpec.LoadAsync(Json, "t.json", TestContext.Current.CancellationToken)));

        var clean = check.Check(Request("http://h/items/1"), Response("""{"id":1}"""));
        var broken = check.Check(Request("http://h/items/2"), Response("""{"id":"2"}"""));
        var outcome = check.Outcome(["a note"]);

        Assert.Empty(clean);
        Assert.Equal(["contract: GET /items/{id} → 200: body /id (property 'id'): type: wanted integer, got string \"2\""], broken);
        Assert.False(outcome.Passed);
        Assert.Equal(2, outcome.ResponsesByOperation["GET /items/{id}"]);
        Assert.Equal(["a note"], outcome.Notes);
    }

    [Fact]
    public void Prints_violations_grouped_by_operation_with_counts_and_a_summary()
    {
        var violation = new ContractViolation("GET /items/{id}", 500, "status", "one of 200", "500");
        var outcome = new ContractOutcome([violation, violation], new Dictionary<string, int> { ["GET /items/{id}"] = 2 }, []);
        using var output = new StringWriter();

        ContractReportPrinter.Print(output, outcome, "t.json");

        Assert.Equal(
            ["GET /items/{id}", "  ✗ 500: status: wanted one of 200, got 500  (×2)  [status-code-conformance]", "", "Contract failed: 2 violation(s) in 1 operation(s); 2 response(s) of 1 operation(s) checked against t.json."],
            output.ToString().Split(Environment.NewLine).SkipLast(1));
    }

    [Theory]
    [InlineData("http://h:8080/api/v1", "/api/v1/items/1", true, "http://h:8080/api/v1/items/1")]
    [InlineData("http://h:8080/api/v1", "/health", true, "http://h:8080/health")]
    [InlineData("http://h:8080/api", "/items/1?x=1", false, "http://h:8080/api/items/1?x=1")]
    [InlineData("http://h:8080", "/items/1", false, "http://h:8080/items/1")]
    public void Sweep_puts_document_paths_on_the_base_urls_root_when_the_paths_carry_its_prefix(string baseUrl, string path, bool prefix, string expected)
    {
        Assert.Equal(expected, SweepUrls.Resolve(new Uri(baseUrl), path, prefix).ToString());
    }

    private static RequestSummary Request(string url) => new("GET", url, [], null);

    private static ResponseSnapshot Response(string body) =>
        new(200, [new("Content-Type", "application/json")], body, TimeSpan.Zero);
}
