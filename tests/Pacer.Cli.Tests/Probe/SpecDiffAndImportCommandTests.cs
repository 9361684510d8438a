using Pacer.Cli.Tests.EndToEnd;
using Xunit;

namespace Pacer.Cli.Tests.Probe;

public sealed class SpecDiffAndImportCommandTests : IDisposable
{
    private const string Before = """
        {"openapi": "3.0.3", "info": {"title": "Shop", "version": "1"},
         "paths": {
           "/items": {"get": {"tags": ["items"], "summary": "List items", "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}}}}}}}},
           "/items/{id}": {"get": {"tags": ["items"], "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "example": 7}}],
             "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"}}}}, "404": {"description": "missing"}}}}},
         "components": {"schemas": {"Item": {"type": "object", "required": ["id", "name"], "properties": {"id": {"type": "integer"}, "name": {"type": "string"}}}}}}
        """;

    private readonly ProbeFlows files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public async Task Spec_diff_exits_0_without_breaking_changes_and_1_with_them()
    {
        files.Write("v1.json", Before);
        files.Write("v1-plus.json", Before.Replace("\"404\": {\"description\": \"missing\"}", "\"404\": {\"description\": \"missing\"}, \"410\": {\"description\": \"gone\"}", StringComparison.Ordinal));
        files.Write("v2.json", Before.Replace(", \"404\": {\"description\": \"missing\"}", "", StringComparison.Ordinal));

        var compatible = await PacerCli.RunAsync(files.Directory, "spec-diff", "v1.json", "v1-plus.json");
        var breaking = await PacerCli.RunAsync(files.Directory, "spec-diff", "v1.json", "v2.json");
        var same = await PacerCli.RunAsync(files.Directory, "spec-diff", "v1.json", "v1.json");
        var missing = await PacerCli.RunAsync(files.Directory, "spec-diff", "v1.json", "nope.json");

        Assert.Equal(0, compatible.ExitCode);
        Assert.Contains("  - GET /items/{id} response 410: response added", compatible.Out, StringComparison.Ordinal);
        Assert.Contains("No breaking changes.", compatible.Out, StringComparison.Ordinal);
        Assert.Equal(1, breaking.ExitCode);
        Assert.Contains("Breaking changes (1):\n  - GET /items/{id} response 404: response removed", breaking.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(0, same.ExitCode);
        Assert.Contains("No changes.", same.Out, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
    }

    [Fact]
    public async Task Import_openapi_writes_flows_that_pacer_check_accepts()
    {
        files.Write("shop.json", Before);

        var imported = await PacerCli.RunAsync(files.Directory, "import", "openapi", "shop.json", "--out", "flows");
        var check = await PacerCli.RunAsync(files.Directory, "check", "flows", "--base-url", "http://127.0.0.1:5080");

        Assert.Equal(0, imported.ExitCode);
        Assert.Contains("wrote flows/items.flow.md (2 step(s))", imported.Out.Replace('\\', '/'), StringComparison.Ordinal);
        Assert.Contains("GET /items/7", await File.ReadAllTextAsync(Path.Combine(files.Directory, "flows", "items.flow.md"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(0, check.ExitCode);
        Assert.Contains("1 file(s), 2 step(s) checked: no errors", check.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_exits_2_on_input_it_cannot_read()
    {
        files.Write("broken.har", "{\"log\": {}}");

        var har = await PacerCli.RunAsync(files.Directory, "import", "har", "broken.har");
        var postman = await PacerCli.RunAsync(files.Directory, "import", "postman", "missing.json");

        Assert.Equal(2, har.ExitCode);
        Assert.Contains("not a HAR file", har.Error, StringComparison.Ordinal);
        Assert.Equal(2, postman.ExitCode);
        Assert.Contains("file not found", postman.Error, StringComparison.Ordinal);
    }
}
