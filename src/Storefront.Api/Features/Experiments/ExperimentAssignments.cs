using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using Storefront.Api.Infrastructure.Auth;
using Storefront.Api.Infrastructure.Metrics;

namespace Storefront.Api.Features.Experiments;

/// <summary>
/// Assigns users to variants, holds each experiment's current treatment percentage (the canary switch, changeable
/// at run time by an admin), and counts exposures (a response served under a variant) and conversions (an order
/// placed by a user in a variant) for /metrics.
/// </summary>
public sealed class ExperimentAssignments : IMetricsSource
{
    private readonly ConcurrentDictionary<string, double> _percent;
    private readonly ConcurrentDictionary<(string Experiment, string Variant), long> _exposures = new();
    private readonly ConcurrentDictionary<(string Experiment, string Variant), long> _conversions = new();

    public ExperimentAssignments(IOptions<ExperimentsOptions> options) =>
        _percent = new(options.Value.Running.Select(r => KeyValuePair.Create(r.Key, Math.Clamp(r.Value.TreatmentPercent, 0, 100))), StringComparer.Ordinal);

    public IReadOnlyDictionary<string, double> Running => _percent;

    public bool TrySetPercent(string experiment, double percent)
    {
        if (!_percent.ContainsKey(experiment))
        {
            return false;
        }

        _percent[experiment] = percent;
        return true;
    }

    /// <summary>The user (else the client address) a request is assigned as; null when there is neither.</summary>
    public static string? UnitOf(HttpContext context) =>
        context.User.FindFirstValue(StorefrontClaims.UserId) ?? context.Connection.RemoteIpAddress?.ToString();

    public Experiment? Assign(string experiment, HttpContext context) =>
        _percent.TryGetValue(experiment, out var percent) && UnitOf(context) is { } unit ? Experiment.Assign(experiment, unit, percent) : null;

    /// <summary>This response was served under <paramref name="assignment"/>: counted, and said in X-Experiment.</summary>
    public void Expose(HttpContext context, Experiment assignment)
    {
        _exposures.AddOrUpdate((assignment.Name, assignment.Variant), 1, (_, n) => n + 1);
        context.Response.Headers.Append(Experiment.HeaderName, $"{assignment.Name}={assignment.Variant}");
    }

    /// <summary>A user converted (placed an order): counted once per running experiment, in the variant they are in.</summary>
    public void Convert(string unit)
    {
        foreach (var (name, percent) in _percent)
        {
            var variant = Experiment.Assign(name, unit, percent).Variant;
            _conversions.AddOrUpdate((name, variant), 1, (_, n) => n + 1);
        }
    }

    public void Write(StringBuilder text)
    {
        WriteCounter(text, "storefront_experiment_exposures_total", "Responses served under an experiment's variant.", _exposures);
        WriteCounter(text, "storefront_experiment_conversions_total", "Orders placed by users in an experiment's variant.", _conversions);
        text.Append("# HELP storefront_experiment_treatment_percent The share of users an experiment sends to its treatment (the canary switch).\n");
        text.Append("# TYPE storefront_experiment_treatment_percent gauge\n");
        foreach (var (name, percent) in _percent.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"storefront_experiment_treatment_percent{{experiment=\"{PrometheusTextWriter.EscapeLabelValue(name)}\"}} {percent}\n");
        }
    }

    private void WriteCounter(StringBuilder text, string metric, string help, ConcurrentDictionary<(string Experiment, string Variant), long> counts)
    {
        text.Append(CultureInfo.InvariantCulture, $"# HELP {metric} {help}\n# TYPE {metric} counter\n");
        // Both variants of every experiment are always present, so a rate over them never starts from a missing series.
        foreach (var name in _percent.Keys.Order(StringComparer.Ordinal))
        {
            foreach (var variant in new[] { Experiment.Control, Experiment.Treatment })
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"{metric}{{experiment=\"{PrometheusTextWriter.EscapeLabelValue(name)}\",variant=\"{variant}\"}} {counts.GetValueOrDefault((name, variant))}\n");
            }
        }
    }
}
