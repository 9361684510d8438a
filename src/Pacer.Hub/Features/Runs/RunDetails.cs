using System.Text;
using Microsoft.EntityFrameworkCore;
using Pacer.Hub.Features.ApiSpecs;
using Pacer.Hub.Features.Projects;
using Pacer.Hub.Infrastructure.Database;
using Pacer.Load.Comparison;
using Pacer.Load.Results;

namespace Pacer.Hub.Features.Runs;

/// <summary>
/// A run as the API and the run page show it: its numbers, each step against its endpoint's SLA, and
/// the regression verdict against the project's baseline — computed by Pacer.Load's
/// <see cref="BaselineComparison"/>, the very rule <c>pacer compare</c> applies.
/// </summary>
public sealed class RunDetails(HubDbContext db)
{
    public sealed record RunSummary(long Id, long ProjectId, string Kind, string Status, string? Label, string? Environment, string Flows,
        string? UploadedBy, DateTime StartedAt, DateTime? EndedAt, double DurationSeconds, bool? Passed, long Requests, long Failures,
        double ErrorRate, double Rps, double? P50Ms, double? P95Ms, double? P99Ms, bool IsBaseline);

    public sealed record StepView(string Name, string Flow, string Method, string Url, long Requests, long Failures, double ErrorRate, double Rps,
        double? P50Ms, double? P95Ms, double? P99Ms, ApiSpecsApi.ApiSpecResponse? Spec, string SlaVerdict, IReadOnlyList<string> SlaMissed);

    public sealed record ComparisonView(long BaselineRunId, double Tolerance, string Verdict, IReadOnlyList<ComparedStep> Steps);

    public sealed record ComparedStep(string Name, string Presence, string Verdict, IReadOnlyList<ComparedValue> Metrics);

    public sealed record ComparedValue(string Metric, double? Baseline, double? Current, double? ChangePercent, string Verdict);

    public sealed record View(RunSummary Run, IReadOnlyList<StepView> Steps, ComparisonView? Comparison, string? ComparisonNote);

    public static RunSummary SummaryOf(Run r, long? baselineRunId)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Id, r.ProjectId, r.Kind, r.Status, r.Label, r.Environment, r.Flows, r.UploadedBy, r.StartedAt, r.EndedAt, r.DurationSeconds,
            r.Passed, r.Requests, r.Failures, r.ErrorRate, r.Rps, r.P50Ms, r.P95Ms, r.P99Ms, baselineRunId == r.Id);
    }

    public async Task<View?> LoadAsync(long projectId, long runId, CancellationToken cancellationToken)
    {
        var run = await db.Set<Run>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId && r.ProjectId == projectId, cancellationToken);
        if (run is null)
        {
            return null;
        }

        var project = await db.Set<Project>().AsNoTracking().FirstAsync(p => p.Id == projectId, cancellationToken);
        var steps = await db.Set<RunStep>().AsNoTracking().Include(s => s.ApiSpec).Where(s => s.RunId == runId).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var stepViews = steps.Select(s =>
        {
            var verdict = SlaVerdict.Judge(s.ApiSpec, s.P50Ms, s.P95Ms, s.P99Ms, s.ErrorRate);
            return new StepView(s.Name, s.Flow, s.Method, s.Url, s.Requests, s.Failures, s.ErrorRate, s.Rps, s.P50Ms, s.P95Ms, s.P99Ms,
                s.ApiSpec is null ? null : ApiSpecsApi.ResponseOf(s.ApiSpec), verdict.Verdict, verdict.Missed);
        }).ToList();
        var (comparison, note) = await CompareAsync(project, run, cancellationToken);
        return new View(SummaryOf(run, project.BaselineRunId), stepViews, comparison, note);
    }

    /// <summary>The verdict against the project's baseline; null with a reason when there is none to give.</summary>
    public async Task<(ComparisonView? Comparison, string? Note)> CompareAsync(Project project, Run run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(run);
        if (project.BaselineRunId is not { } baselineId)
        {
            return (null, "no baseline: mark a run as the project's baseline to get a regression verdict");
        }

        if (baselineId == run.Id)
        {
            return (null, "this run is the baseline");
        }

        var baseline = await db.Set<Run>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == baselineId, cancellationToken);
        if (baseline?.ResultJson is null || run.ResultJson is null || baseline.Kind != "load" || run.Kind != "load")
        {
            return (null, "the regression verdict compares load runs (the baseline and this run must both be `pacer load` results)");
        }

        var result = BaselineComparison.Compare([Read(baseline.ResultJson)], Read(run.ResultJson), project.RegressionTolerance);
        return (new ComparisonView(baselineId, result.Tolerance, Name(result.Verdict),
            [.. new[] { result.Overall }.Concat(result.Steps).Select(s => new ComparedStep(s.Name, s.Presence.ToString().ToLowerInvariant(), Name(s.Verdict),
                [.. s.Metrics.Select(m => new ComparedValue(m.Metric.Label(), m.BaselineMean, m.Current, m.ChangePercent, Name(m.Verdict)))]))]), null);
    }

    public static LoadResult Read(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return LoadResultJson.Read(stream, "stored run");
    }

    private static string Name(ComparisonVerdict verdict) => verdict.ToString().ToLowerInvariant();
}
