using Microsoft.EntityFrameworkCore;
using Pacer.Hub.Features.ApiSpecs;
using Pacer.Hub.Features.Runs;
using Pacer.Hub.Infrastructure.Database;

namespace Pacer.Hub.Features.Trends;

/// <summary>
/// Trends read the steps stored with each run: one point per run for an endpoint (every step that
/// matched its spec) or for a step name, oldest first, each judged against the endpoint's SLA.
/// </summary>
public sealed class TrendQueries(HubDbContext db, TimeProvider time)
{
    public sealed record TrendPoint(long RunId, string Kind, DateTime StartedAt, string Step, long Requests, double ErrorRate,
        double? P50Ms, double? P95Ms, double? P99Ms, string SlaVerdict);

    public sealed record Trend(string Subject, ApiSpecsApi.ApiSpecResponse? Spec, IReadOnlyList<TrendPoint> Points);

    public sealed record EndpointStatus(ApiSpecsApi.ApiSpecResponse Spec, TrendPoint? Latest, int Runs);

    public async Task<Trend?> ForSpecAsync(long projectId, long specId, int days, CancellationToken cancellationToken)
    {
        var spec = await db.Set<ApiSpec>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == specId && s.ProjectId == projectId, cancellationToken);
        if (spec is null)
        {
            return null;
        }

        var since = Since(days);
        var steps = await db.Set<RunStep>().AsNoTracking().Include(s => s.Run)
            .Where(s => s.ApiSpecId == specId && s.StartedAt >= since)
            .OrderBy(s => s.StartedAt).ThenBy(s => s.Id).Take(1000).ToListAsync(cancellationToken);
        return new Trend($"{spec.Method} {spec.Path}", ApiSpecsApi.ResponseOf(spec), [.. steps.Select(s => PointOf(s, spec))]);
    }

    public async Task<Trend> ForStepAsync(long projectId, string step, int days, CancellationToken cancellationToken)
    {
        var since = Since(days);
        var steps = await db.Set<RunStep>().AsNoTracking().Include(s => s.Run).Include(s => s.ApiSpec)
            .Where(s => s.ProjectId == projectId && s.Name == step && s.StartedAt >= since)
            .OrderBy(s => s.StartedAt).ThenBy(s => s.Id).Take(1000).ToListAsync(cancellationToken);
        var spec = steps.LastOrDefault(s => s.ApiSpec is not null)?.ApiSpec;
        return new Trend(step, spec is null ? null : ApiSpecsApi.ResponseOf(spec), [.. steps.Select(s => PointOf(s, s.ApiSpec))]);
    }

    /// <summary>Every endpoint of the project with its latest measurement and SLA verdict (the dashboard's endpoint table).</summary>
    public async Task<IReadOnlyList<EndpointStatus>> EndpointsAsync(long projectId, CancellationToken cancellationToken)
    {
        var specs = await db.Set<ApiSpec>().AsNoTracking().Where(s => s.ProjectId == projectId).OrderBy(s => s.Path).ThenBy(s => s.Method).ToListAsync(cancellationToken);
        var counts = await db.Set<RunStep>().AsNoTracking().Where(s => s.ProjectId == projectId && s.ApiSpecId != null)
            .GroupBy(s => s.ApiSpecId).Select(g => new { Id = g.Key!.Value, Count = g.Count(), LastId = g.Max(s => s.Id) }).ToListAsync(cancellationToken);
        var lastIds = counts.Select(c => c.LastId).ToList();
        var latest = await db.Set<RunStep>().AsNoTracking().Include(s => s.Run).Where(s => lastIds.Contains(s.Id)).ToListAsync(cancellationToken);
        return [.. specs.Select(spec =>
        {
            var count = counts.FirstOrDefault(c => c.Id == spec.Id);
            var step = latest.FirstOrDefault(s => s.ApiSpecId == spec.Id);
            return new EndpointStatus(ApiSpecsApi.ResponseOf(spec), step is null ? null : PointOf(step, spec), count?.Count ?? 0);
        })];
    }

    public async Task<IReadOnlyList<string>> StepNamesAsync(long projectId, CancellationToken cancellationToken) =>
        await db.Set<RunStep>().AsNoTracking().Where(s => s.ProjectId == projectId).Select(s => s.Name).Distinct().OrderBy(n => n).Take(500).ToListAsync(cancellationToken);

    private DateTime Since(int days) => time.GetUtcNow().UtcDateTime.AddDays(-Math.Clamp(days, 1, 3650));

    private static TrendPoint PointOf(RunStep s, ApiSpec? spec) =>
        new(s.RunId, s.Run?.Kind ?? "", s.StartedAt, s.Name, s.Requests, s.ErrorRate, s.P50Ms, s.P95Ms, s.P99Ms,
            SlaVerdict.Judge(spec, s.P50Ms, s.P95Ms, s.P99Ms, s.ErrorRate).Verdict);
}
