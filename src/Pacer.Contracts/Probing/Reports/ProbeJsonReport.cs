using System.Text.Json;
using System.Text.Json.Nodes;
using Pacer.Contracts.Generation;
using Pacer.Contracts.Probing.Evidence;

namespace Pacer.Contracts.Probing.Reports;

/// <summary>
/// The probe report as JSON (snake_case): the run (requests, time, checks), then each finding with its check, OWASP
/// category, evidence (request and response excerpt), confirmation, curl line and ```kest block, then the notes.
/// </summary>
public static class ProbeJsonReport
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Write(ProbeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var findings = new JsonArray();
        foreach (var finding in report.Findings)
        {
            findings.Add(new JsonObject
            {
                ["check"] = finding.Check,
                ["category"] = finding.Category.Code(),
                ["category_title"] = finding.Category.Title(),
                ["severity"] = finding.Severity.ToString().ToLowerInvariant(),
                ["operation"] = finding.Operation,
                ["title"] = finding.Title,
                ["expected"] = finding.Expected,
                ["got"] = finding.Got,
                ["request"] = Request(finding.Request),
                ["response"] = Response(finding.Evidence.Response),
                ["confirmation"] = new JsonObject
                {
                    ["how"] = finding.Confirmation.How,
                    ["request"] = finding.Confirmation.Exchange is { } c ? Request(c.Request) : null,
                    ["response"] = finding.Confirmation.Exchange is { } r ? Response(r.Response) : null,
                },
                ["curl"] = finding.Curl(report.BaseUrl),
                ["kest"] = finding.Kest,
            });
        }

        var root = new JsonObject
        {
            ["openapi"] = report.Source,
            ["base_url"] = report.BaseUrl.ToString(),
            ["operations"] = report.OperationsProbed,
            ["requests"] = report.RequestsSent,
            ["duration_ms"] = (long)report.Duration.TotalMilliseconds,
            ["checks"] = new JsonArray([.. report.Checks.Select(c => (JsonNode?)c.Name)]),
            ["clean"] = report.Clean,
            ["findings"] = findings,
            ["notes"] = new JsonArray([.. report.Notes.Select(n => (JsonNode?)n)]),
        };
        return root.ToJsonString(Indented);
    }

    private static JsonObject Request(GeneratedRequest request)
    {
        var replayable = ReplayableRequest.Of(request);
        var headers = new JsonObject();
        foreach (var (name, value) in replayable.Headers)
        {
            headers[name] = value;
        }

        return new JsonObject { ["method"] = replayable.Method, ["path"] = replayable.PathAndQuery, ["headers"] = headers, ["body"] = replayable.Body };
    }

    private static JsonObject Response(ProbeResponse response) => new()
    {
        ["status"] = response.Status,
        ["content_type"] = response.ContentType,
        ["elapsed_ms"] = (long)response.Elapsed.TotalMilliseconds,
        ["body_excerpt"] = Excerpt.Shorten(response.Body, 500),
    };
}
