using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pacer.Contracts.Probing.Reports;

/// <summary>The probe report as JSON (snake_case), each finding with its request and its ```kest block.</summary>
public static class ProbeJsonReport
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Write(ProbeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var findings = new JsonArray();
        foreach (var finding in report.Findings)
        {
            var headers = new JsonObject();
            foreach (var (name, value) in finding.Request.Headers)
            {
                headers[name] = value;
            }

            findings.Add(new JsonObject
            {
                ["kind"] = finding.Kind.ToString(),
                ["severity"] = finding.Severity.ToString().ToLowerInvariant(),
                ["operation"] = finding.Operation,
                ["title"] = finding.Title,
                ["expected"] = finding.Expected,
                ["got"] = finding.Got,
                ["request"] = new JsonObject
                {
                    ["method"] = finding.Request.Method,
                    ["path"] = finding.Request.PathAndQuery,
                    ["headers"] = headers,
                    ["body"] = finding.Request.Body,
                },
                ["kest"] = finding.Kest,
            });
        }

        var root = new JsonObject
        {
            ["openapi"] = report.Source,
            ["base_url"] = report.BaseUrl,
            ["operations"] = report.OperationsProbed,
            ["requests"] = report.RequestsSent,
            ["clean"] = report.Clean,
            ["findings"] = findings,
            ["notes"] = new JsonArray([.. report.Notes.Select(n => (JsonNode?)n)]),
        };
        return root.ToJsonString(Indented);
    }
}
