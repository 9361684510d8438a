namespace Pacer.Hub.Features.Alerts;

/// <summary>One change of an alert's state, on its way to the monitor's channels.</summary>
public sealed record AlertNotice(long AlertId, long MonitorId, long ProjectId, string Status, string Monitor, string Rule, string Detail,
    DateTime Since, DateTime At, string Message)
{
    /// <summary>The step the rule is about, or null for whole-flow rules.</summary>
    public string? Step => Rule.StartsWith("step-failed:", StringComparison.Ordinal) ? Rule["step-failed:".Length..] : null;

    /// <summary>The rule's family, as <c>pacer monitor</c>'s webhook names it.</summary>
    public string RuleName => Step is null ? Rule : "step-failed";

    /// <summary>One line for chat and e-mail subjects.</summary>
    public string Headline => $"[{Status.ToUpperInvariant()}] {Monitor}{(Step is null ? "" : " › " + Step)} [{RuleName}]";
}
