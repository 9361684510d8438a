using Pacer.Core.Execution;

namespace Pacer.Testing;

/// <summary>The <c>pacer run</c> options that make sense in a test: <c>--var</c>, <c>--timeout</c>, <c>--fail-fast</c>, <c>--follow-redirects</c>, <c>--soft-budgets</c>.</summary>
public sealed record FlowRunSettings
{
    public IReadOnlyDictionary<string, object?> Variables { get; init; } = new Dictionary<string, object?>();

    public TimeSpan Timeout { get; init; } = FlowRunOptions.DefaultTimeout;

    public bool FailFast { get; init; }

    /// <summary>Only for URL targets: a caller's <see cref="HttpClient"/> follows redirects as it was configured to.</summary>
    public bool FollowRedirects { get; init; }

    /// <summary>Missed <c>duration &lt;</c> budgets become warnings; see <see cref="FlowRunOptions.SoftBudgets"/>.</summary>
    public bool SoftBudgets { get; init; }
}
