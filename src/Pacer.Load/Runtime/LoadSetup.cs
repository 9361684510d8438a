using System.Text.Json.Nodes;
using Pacer.Load.Results;

namespace Pacer.Load.Runtime;

/// <summary>
/// The <c>@once</c> steps of a run's flows on their own, for a caller that runs them once for many
/// load generators (a distributed run's coordinator): the same steps, judge and transport as
/// <see cref="LoadRun"/>'s own setup. The captures go to every agent (<see cref="LoadRunSettings.SetupCaptures"/>).
/// </summary>
public static class LoadSetup
{
    public static async Task<LoadSetupResult> RunAsync(LoadRunSettings settings, Action<string> report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(report);
        var outcomes = new List<SetupOutcome>();
        foreach (var flow in settings.Flows)
        {
            var outcome = await OnceSteps.RunAsync(flow, settings, report, cancellationToken).ConfigureAwait(false);
            outcomes.Add(outcome);
            if (outcome.Error is not null)
            {
                break;
            }
        }

        return new LoadSetupResult(
            [.. outcomes.Select(o => (IReadOnlyDictionary<string, JsonNode?>)o.Captures.ToDictionary(c => c.Key, c => c.Value?.DeepClone(), StringComparer.Ordinal))],
            LoadRunCompiler.Setup(outcomes),
            outcomes.Select(o => o.Error).FirstOrDefault(e => e is not null));
    }

    /// <summary>The result of a run that never reached its load (its setup failed, its agents never came): every step listed, none run.</summary>
    public static LoadResult ResultWithoutLoad(LoadRunSettings settings, DateTimeOffset startedAt, string reason, IReadOnlyList<SetupStepResult> setup) =>
        new LoadRunCompiler(settings).EmptyResult(new Metrics.LoadMetrics(), startedAt, reason, setup);
}

/// <summary>What a run's setup left: each flow's captures (in flow order), each step's verdict, and why it failed (null when it passed).</summary>
public sealed record LoadSetupResult(
    IReadOnlyList<IReadOnlyDictionary<string, JsonNode?>> Captures,
    IReadOnlyList<SetupStepResult> Steps,
    string? Error);
