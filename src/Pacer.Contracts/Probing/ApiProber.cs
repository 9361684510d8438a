using System.Diagnostics;
using Pacer.Contracts.Generation;
using Pacer.Contracts.OpenApi;
using Pacer.Contracts.Probing.Checks;
using Pacer.Contracts.Probing.Selection;

namespace Pacer.Contracts.Probing;

/// <summary>
/// A probe run: the target is checked (<see cref="TargetPolicy"/>), operations selected (<see cref="OperationSelector"/>),
/// the baseline sent, then each selected check in catalog order over three phases: the regular operations; then the
/// secured credential changes (a valid password change changes the first user's password, which the login checks
/// still need); then, last, the checks that handle destructive operations over those. What ran out (the request
/// budget) or could not run is noted.
/// </summary>
public static class ApiProber
{
    public static async Task<ProbeReport> RunAsync(OpenApiSpec spec, ProbeOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        TargetPolicy.Require(options.BaseUrl, options.AllowRemote);
        var checks = ProbeCheckCatalog.Select(options.Checks, options.SkipChecks);
        var clock = Stopwatch.StartNew();
        using var client = new ProbeClient(options);
        var session = new ProbeSession(spec, options, client, checks.OfType<IResponseObserver>().ToList());
        var plan = OperationSelector.Plan(OperationCatalog.List(spec), options.Include, options.Exclude);
        session.Plan = plan;
        session.SessionEnding = plan.Regular.Where(OperationTraits.EndsSession).ToList();
        foreach (var note in plan.Notes)
        {
            session.Note(note);
        }

        if (options.Users.Count == 0 && plan.Regular.Concat(plan.Destructive).Any(session.IsSecured))
        {
            session.Note("no login given (--login): secured operations were called without a token, and the token, object-level and account checks did not run");
        }

        var callable = plan.Regular.Where(o => !OperationTraits.EndsSession(o)).ToList();
        var credentials = callable.Where(o => OperationTraits.TouchesCredentials(o) && session.IsSecured(o)).ToList();
        var regular = callable.Except(credentials).ToList();
        options.Progress?.WriteLine($"probe: {plan.Count} operations, {checks.Count} checks; baseline first");
        await BaselineTraffic.RunAsync(session, regular, cancellationToken).ConfigureAwait(false);
        await RunPhaseAsync(session, ProbePhase.Regular, checks, regular, cancellationToken).ConfigureAwait(false);
        await RunPhaseAsync(session, ProbePhase.Credentials, checks, credentials, cancellationToken).ConfigureAwait(false);
        await RunPhaseAsync(session, ProbePhase.Destructive, checks.Where(c => c.RunsOnDestructive).ToList(), plan.Destructive, cancellationToken).ConfigureAwait(false);

        if (client.Exhausted)
        {
            session.Note($"the request budget ({options.MaxRequests}, --max-requests) ran out: later checks did not run or did not finish");
        }

        var ordered = session.Findings.OrderByDescending(f => f.Severity).ThenBy(f => f.Category).ThenBy(f => f.Check, StringComparer.Ordinal).ToList();
        return new ProbeReport(spec.Source, options.BaseUrl, ordered, client.Sent, plan.Count, session.Notes)
        {
            Duration = clock.Elapsed,
            Checks = checks.Select(c => new CheckRun(c.Name, c.Category)).ToList(),
        };
    }

    private static async Task RunPhaseAsync(ProbeSession session, ProbePhase phase, IReadOnlyList<IProbeCheck> checks, IReadOnlyList<ApiOperation> operations, CancellationToken cancellationToken)
    {
        if (operations.Count == 0 && phase != ProbePhase.Regular)
        {
            return;
        }

        session.Phase = phase;
        var index = 0;
        foreach (var check in checks)
        {
            if (session.Client.Exhausted)
            {
                return;
            }

            index++;
            session.Options.Progress?.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"probe: [{phase.ToString().ToLowerInvariant()} {index}/{checks.Count}] {check.Name} ({session.Client.Sent} requests so far)"));
            await check.RunAsync(session, operations, cancellationToken).ConfigureAwait(false);
        }
    }
}
