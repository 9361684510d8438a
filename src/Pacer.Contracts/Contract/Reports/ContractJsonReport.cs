using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pacer.Contracts.Contract.Reports;

/// <summary>The contract outcome as JSON (snake_case): seed, checks, responses per operation, each violation with its case and curl line, notes.</summary>
public static class ContractJsonReport
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Write(ContractOutcome outcome, string documentName)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var responses = new JsonObject();
        foreach (var (operation, count) in outcome.ResponsesByOperation.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            responses[operation] = count;
        }

        var root = new JsonObject
        {
            ["openapi"] = documentName,
            ["passed"] = outcome.Passed,
            ["seed"] = outcome.Seed,
            ["checks"] = new JsonArray([.. outcome.Checks.Select(c => (JsonNode?)c)]),
            ["responses"] = responses,
            ["violations"] = new JsonArray([.. outcome.Violations.Select(v => (JsonNode?)new JsonObject
            {
                ["operation"] = v.Operation,
                ["check"] = v.Check,
                ["status"] = v.Status,
                ["detail"] = v.Detail,
                ["case"] = v.Case,
                ["curl"] = v.Curl,
            })]),
            ["notes"] = new JsonArray([.. outcome.Notes.Select(n => (JsonNode?)n)]),
        };
        return root.ToJsonString(Indented);
    }
}
