using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pacer.Core.Execution;
using Pacer.Core.Flow;
using Pacer.Hub.Features.Alerts;
using Pacer.Hub.Features.Flows;
using Pacer.Hub.Infrastructure;
using Pacer.Hub.Infrastructure.Database;
using Pacer.Reports;

namespace Pacer.Hub.Features.Monitors;

/// <summary>
/// Runs one check of a monitor: the flow's latest version against its environment, each check with a
/// fresh runner (own cookies and captures), then stores the check and lets <see cref="AlertEvaluator"/>
/// raise or resolve alerts. Never throws for a failing target: that is what monitors are for.
/// </summary>
public sealed class MonitorCheckRunner(HubDbContext db, FlowExecution execution, AlertEvaluator alerts, IOptions<HubOptions> options, TimeProvider time)
{
    public async Task<MonitorCheck?> RunAsync(long monitorId, CancellationToken cancellationToken)
    {
        var monitor = await db.Set<HubMonitor>().Include(m => m.Flow).Include(m => m.Environment).FirstOrDefaultAsync(m => m.Id == monitorId, cancellationToken);
        if (monitor?.Flow is null)
        {
            return null;
        }

        var startedAt = time.UtcNowForStorage();
        var stopwatch = Stopwatch.StartNew();
        var content = await FlowsApi.LatestContentAsync(db, monitor.Flow, cancellationToken);
        var (outcome, report) = await ExecuteAsync(monitor, content, cancellationToken);
        var check = new MonitorCheck
        {
            MonitorId = monitor.Id,
            ProjectId = monitor.ProjectId,
            StartedAt = startedAt,
            DurationMs = Math.Round(stopwatch.Elapsed.TotalMilliseconds, 3),
            Passed = outcome.Passed,
            Summary = Cut(outcome.Summary, 2000),
            FailedRules = string.Join('\n', outcome.Rules.Where(r => r.Value.Failing).Select(r => r.Key)),
            ReportJson = report,
        };
        db.Add(check);
        monitor.LastCheckAt = startedAt;
        monitor.LastPassed = outcome.Passed;
        await db.SaveChangesAsync(cancellationToken);
        await alerts.EvaluateAsync(monitor, check, outcome, cancellationToken);
        return check;
    }

    private async Task<(CheckOutcome Outcome, string? Report)> ExecuteAsync(HubMonitor monitor, string content, CancellationToken cancellationToken)
    {
        var parsed = FlowParser.Parse(monitor.Flow!.Name, content);
        if (parsed.Document is null)
        {
            var first = parsed.Diagnostics.First(d => d.Severity == Pacer.Core.Flow.Syntax.DiagnosticSeverity.Error);
            return (CheckOutcome.Error($"the flow does not parse: {first.Span}: {first.Message}"), null);
        }

        var baseUrl = monitor.BaseUrl ?? monitor.Environment?.BaseUrl;
        if (!TargetAllowed(baseUrl))
        {
            return (CheckOutcome.Error($"the target {baseUrl} is not in Hub:Monitors:AllowedTargetHosts"), null);
        }

        var settings = options.Value.Monitors;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.CheckTimeout * 2);
        try
        {
            var run = await execution.RunAsync(parsed.Document, new FlowRunOptions
            {
                BaseUrl = baseUrl,
                EnvironmentVariables = Variables(monitor.Environment?.VariablesJson),
                Timeout = settings.CheckTimeout,
            }, timeout.Token);
            return (CheckOutcome.From(run), new JsonReportWriter().ToJson(run));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (CheckOutcome.Error($"the check did not finish within {(settings.CheckTimeout * 2).TotalSeconds:0} s"), null);
        }
    }

    private bool TargetAllowed(string? baseUrl)
    {
        var allowed = options.Value.Monitors.AllowedTargetHosts;
        return allowed.Length == 0 || (Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && allowed.Contains(uri.Host, StringComparer.OrdinalIgnoreCase));
    }

    private static Dictionary<string, JsonNode?> Variables(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        var variables = JsonNode.Parse(json) as JsonObject;
        return variables?.ToDictionary(v => v.Key, v => v.Value?.DeepClone()) ?? [];
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
