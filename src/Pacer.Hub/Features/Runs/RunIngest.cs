using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pacer.Hub.Features.ApiSpecs;
using Pacer.Hub.Infrastructure.Database;
using Pacer.Load.Results;

namespace Pacer.Hub.Features.Runs;

/// <summary>
/// Turns an uploaded file into a stored run: a <c>pacer load</c> result file (read with Pacer.Load's own
/// reader, so a newer file version is refused the same way) or a <c>pacer run</c> JSON report. The file is
/// kept verbatim; its headline numbers and steps are copied into rows, each step matched to its endpoint.
/// </summary>
public sealed class RunIngest(HubDbContext db, TimeProvider time, RunProgressBroker progress)
{
    public sealed record Metadata(string? Kind, string? Label, string? Environment, string UploadedBy);

    /// <summary>Fills <paramref name="run"/> (new, or a live run finishing) from <paramref name="json"/>; an error message when the file is not one we read.</summary>
    public async Task<string?> IngestAsync(Run run, string json, Metadata metadata, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(metadata);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            return $"the body is not JSON: {exception.Message}";
        }

        using (document)
        {
            var specs = await db.Set<ApiSpec>().AsNoTracking().Where(s => s.ProjectId == run.ProjectId).ToListAsync(cancellationToken);
            var root = document.RootElement;
            List<RunStep> steps;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String)
            {
                LoadResult result;
                try
                {
                    using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
                    result = LoadResultJson.Read(stream, "the uploaded file");
                }
                catch (InvalidDataException exception)
                {
                    return exception.Message;
                }

                steps = FromLoad(run, result, specs, metadata);
            }
            else if (RunReportFile.LooksLikeRunReport(root))
            {
                steps = FromRunReport(run, RunReportFile.Read(root), specs, metadata);
            }
            else
            {
                return "not a Pacer result: expected a `pacer load --out` result file (kind \"load\") or a `pacer run --report json=` report (files, summary)";
            }

            run.Label = metadata.Label ?? run.Label;
            run.Environment = metadata.Environment ?? run.Environment;
            run.UploadedBy = metadata.UploadedBy;
            run.UploadedAt = time.UtcNowForStorage();
            run.Status = RunStatus.Completed;
            run.ResultJson = json;
            if (run.Id != 0)
            {
                await db.Set<RunStep>().Where(s => s.RunId == run.Id).ExecuteDeleteAsync(cancellationToken);
            }
            else
            {
                db.Add(run);
            }

            foreach (var step in steps)
            {
                step.Run = run;
                db.Add(step);
            }

            await db.SaveChangesAsync(cancellationToken);
            progress.Complete(run.Id, run.Passed ?? false);
            return null;
        }
    }

    private static List<RunStep> FromLoad(Run run, LoadResult result, IReadOnlyList<ApiSpec> specs, Metadata metadata)
    {
        var summary = result.Summary;
        run.Kind = metadata.Kind ?? "load";
        run.StartedAt = result.StartedAt.UtcDateTime;
        run.EndedAt = result.EndedAt.UtcDateTime;
        run.DurationSeconds = result.DurationSeconds;
        run.Passed = result.Passed;
        run.Requests = summary.Requests;
        run.Failures = summary.Failures;
        run.ErrorRate = summary.ErrorRate;
        run.Rps = summary.Rps;
        run.P50Ms = summary.Requests == 0 ? null : summary.LatencyMs.P50;
        run.P95Ms = summary.Requests == 0 ? null : summary.LatencyMs.P95;
        run.P99Ms = summary.Requests == 0 ? null : summary.LatencyMs.P99;
        run.Flows = Cut(string.Join(", ", result.Flows), 2000);
        run.Environment ??= result.Environment;
        return [.. result.Steps.Select(s => new RunStep
        {
            ProjectId = run.ProjectId,
            Name = Cut(s.Name, 300),
            Flow = Cut(s.Flow, 500),
            Method = s.Method,
            Url = Cut(s.Url, 2000),
            ApiSpecId = SpecMatcher.Match(specs, s.Method, s.Url)?.Id,
            StartedAt = run.StartedAt,
            Requests = s.Requests,
            Failures = s.Failures,
            ErrorRate = s.ErrorRate,
            Rps = s.Rps,
            P50Ms = s.Requests == 0 ? null : s.LatencyMs.P50,
            P95Ms = s.Requests == 0 ? null : s.LatencyMs.P95,
            P99Ms = s.Requests == 0 ? null : s.LatencyMs.P99,
        })];
    }

    private static List<RunStep> FromRunReport(Run run, RunReportFile.Report report, IReadOnlyList<ApiSpec> specs, Metadata metadata)
    {
        var durations = report.Steps.Select(s => s.DurationMs).ToList();
        run.Kind = metadata.Kind ?? "run";
        run.StartedAt = report.StartedAt;
        run.EndedAt = report.StartedAt.AddMilliseconds(report.DurationMs);
        run.DurationSeconds = report.DurationMs / 1000;
        run.Passed = report.Passed;
        run.Requests = report.Steps.Count;
        run.Failures = report.Steps.Count(s => s.Failed);
        run.ErrorRate = report.Steps.Count == 0 ? 0 : (double)run.Failures / report.Steps.Count;
        run.Rps = run.DurationSeconds > 0 ? report.Steps.Count / run.DurationSeconds : 0;
        run.P50Ms = RunReportFile.Percentile(durations, 50);
        run.P95Ms = RunReportFile.Percentile(durations, 95);
        run.P99Ms = RunReportFile.Percentile(durations, 99);
        run.Flows = Cut(string.Join(", ", report.Flows), 2000);

        // One row per step name: a step that ran in several files (or flows run twice) pools its samples.
        return [.. report.Steps.GroupBy(s => (s.Flow, s.Name)).Select(g =>
        {
            var samples = g.Select(s => s.DurationMs).ToList();
            var first = g.First();
            var failures = g.Count(s => s.Failed);
            return new RunStep
            {
                ProjectId = run.ProjectId,
                Name = Cut(first.Name, 300),
                Flow = Cut(first.Flow, 500),
                Method = first.Method,
                Url = Cut(first.Url, 2000),
                ApiSpecId = SpecMatcher.Match(specs, first.Method, first.Url)?.Id,
                StartedAt = run.StartedAt,
                Requests = samples.Count,
                Failures = failures,
                ErrorRate = (double)failures / samples.Count,
                Rps = 0,
                P50Ms = RunReportFile.Percentile(samples, 50),
                P95Ms = RunReportFile.Percentile(samples, 95),
                P99Ms = RunReportFile.Percentile(samples, 99),
            };
        })];
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}

public static class RunStatus
{
    public const string Running = "running";
    public const string Completed = "completed";
}
