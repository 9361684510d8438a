using Pacer.Hub.Features.ApiSpecs;

namespace Pacer.Hub.Features.Runs;

/// <summary>How a step's numbers stand against its endpoint's SLA: every budget the spec sets must hold.</summary>
public sealed record SlaVerdict(string Verdict, IReadOnlyList<string> Missed)
{
    public const string Met = "met";
    public const string MissedVerdict = "missed";
    public const string NoSla = "none";

    public static SlaVerdict Judge(ApiSpec? spec, double? p50, double? p95, double? p99, double errorRate)
    {
        if (spec is null || (spec.SlaP50Ms is null && spec.SlaP95Ms is null && spec.SlaP99Ms is null && spec.SlaErrorRate is null))
        {
            return new SlaVerdict(NoSla, []);
        }

        var missed = new List<string>();
        Check(missed, "p50", p50, spec.SlaP50Ms);
        Check(missed, "p95", p95, spec.SlaP95Ms);
        Check(missed, "p99", p99, spec.SlaP99Ms);
        if (spec.SlaErrorRate is { } ceiling && errorRate > ceiling)
        {
            missed.Add($"errors {errorRate:P2} > {ceiling:P2}");
        }

        return new SlaVerdict(missed.Count == 0 ? Met : MissedVerdict, missed);
    }

    private static void Check(List<string> missed, string name, double? value, double? budget)
    {
        if (budget is { } limit && value is { } actual && actual > limit)
        {
            missed.Add(FormattableString.Invariant($"{name} {actual:0.##} ms > {limit:0.##} ms"));
        }
    }
}
