using System.Text.Json.Nodes;

namespace Pacer.Contracts.Tests.Schema;

/// <summary>One case of the official JSON Schema test suite: a schema, an instance, and whether it is valid.</summary>
public sealed record JsonSchemaSuiteCase(string File, string Group, string Test, JsonNode Schema, JsonNode? Data, bool Valid)
{
    public string Id => $"{File} | {Group} | {Test}";
}

/// <summary>Reads the checked-in draft 2020-12 files (TestData/json-schema-test-suite) into cases.</summary>
public static class JsonSchemaSuite
{
    private static readonly Lazy<IReadOnlyList<JsonSchemaSuiteCase>> Cases = new(Load);

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "TestData", "json-schema-test-suite", "draft2020-12");

    public static IReadOnlyList<JsonSchemaSuiteCase> All => Cases.Value;

    private static List<JsonSchemaSuiteCase> Load()
    {
        var cases = new List<JsonSchemaSuiteCase>();
        foreach (var path in Directory.GetFiles(Folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var file = Path.GetRelativePath(Folder, path).Replace('\\', '/');
            foreach (var group in JsonNode.Parse(File.ReadAllText(path))!.AsArray())
            {
                foreach (var test in group!["tests"]!.AsArray())
                {
                    cases.Add(new JsonSchemaSuiteCase(
                        file,
                        group["description"]!.GetValue<string>(),
                        test!["description"]!.GetValue<string>(),
                        group["schema"]!,
                        test["data"],
                        test["valid"]!.GetValue<bool>()));
                }
            }
        }

        return cases;
    }
}
