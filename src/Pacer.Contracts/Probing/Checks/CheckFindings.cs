namespace Pacer.Contracts.Probing.Checks;

/// <summary>Builds a check's finding with the check's name and category filled in.</summary>
public static class CheckFindings
{
    public static ProbeFinding Finding(
        this IProbeCheck check,
        FindingSeverity severity,
        Exchange evidence,
        string title,
        string expected,
        string got,
        FindingConfirmation confirmation,
        params string[] asserts)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(evidence);
        return new ProbeFinding
        {
            Check = check.Name,
            Category = check.Category,
            Severity = severity,
            Operation = evidence.Label,
            Title = title,
            Expected = expected,
            Got = got,
            Evidence = evidence,
            Confirmation = confirmation,
            Asserts = asserts,
        };
    }

    /// <summary>A status list as a kest assertion: <c>status == 401</c> or <c>status in [401, 403]</c>.</summary>
    public static string StatusIn(params int[] statuses) =>
        statuses.Length == 1 ? $"status == {statuses[0]}" : $"status in [{string.Join(", ", statuses)}]";
}
