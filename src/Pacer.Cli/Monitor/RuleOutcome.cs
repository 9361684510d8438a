namespace Pacer.Cli.Monitor;

/// <summary>
/// How one alert rule stood after one check: the rule's identity (<see cref="Key"/>), whether it is
/// failing, and what to say about it. Rules are <c>step-failed</c> (per step) and each threshold.
/// </summary>
public sealed record RuleOutcome(string Rule, string Flow, string? Step, bool Failing, string? Value, string? Threshold, string Detail)
{
    public const string StepFailed = "step-failed";

    /// <summary>What makes two outcomes the same rule over time: flow, rule and step.</summary>
    public string Key => $"{Flow}\u001f{Rule}\u001f{Step}";
}
