using Pacer.Core.Execution;
using Pacer.Core.Http.Engine;
using Pacer.Core.Plan;
using Pacer.Core.Templating;

namespace Pacer.Application;

/// <summary>How flows run as functional tests (<c>pacer run</c>, the demo, Pacer.Testing, the Hub's monitors).</summary>
public sealed record FunctionalRunSettings
{
    public required CompiledFlows Flows { get; init; }

    /// <summary>How many flow files run at once.</summary>
    public int Jobs { get; init; } = 1;

    /// <summary>Per-request timeout when a step has no <c>@timeout</c>.</summary>
    public TimeSpan Timeout { get; init; } = FlowRunOptions.DefaultTimeout;

    public bool FailFast { get; init; }

    public bool FollowRedirects { get; init; }

    public bool Insecure { get; init; }

    /// <summary>How https is spoken (CA file, client certificate); null: the system's CAs.</summary>
    public Core.Http.Engine.Tls.TlsOptions? Tls { get; init; }

    /// <summary>Missed <c>duration &lt;</c> budgets are warnings (noisy machines).</summary>
    public bool SoftBudgets { get; init; }

    public long MaxBodyBytes { get; init; } = ConnectionOptions.DefaultMaxBodyBytes;

    /// <summary>Every step over HTTP/2 (<c>--http2</c>).</summary>
    public bool Http2 { get; init; }

    /// <summary>Checked against every response besides the step's assertions (<c>--openapi</c>).</summary>
    public IResponseCheck? ResponseCheck { get; init; }

    /// <summary>A client the caller owns (an in-process test server's); null: Pacer's engine.</summary>
    public HttpClient? HttpClient { get; init; }
}

/// <summary>
/// The functional run: every compiled flow through <see cref="FlowRunner"/>, whose steps the one judge
/// decides. Returns what ran (an interrupted run says so, and lists the steps it did not get to).
/// </summary>
public static class FunctionalRun
{
    public static Task<RunResult> RunAsync(FunctionalRunSettings settings, IRunObserver? observer, RunControl control)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(control);
        var flows = settings.Flows;
        if (flows.HasErrors)
        {
            throw new InvalidOperationException("the flows have errors: report CompiledFlows.Problems and run nothing");
        }

        var runner = new FlowBatchRunner(document => OptionsFor(settings, flows.Flows.First(f => ReferenceEquals(f.Document, document))), BuiltInVariables.CreateDefault(), settings.Jobs);
        return runner.RunAsync(flows.Flows, observer, control.Stop, control.Abort);
    }

    /// <summary>The options one flow of the run gets: its base URL and environment, and the run's settings.</summary>
    public static FlowRunOptions OptionsFor(FunctionalRunSettings settings, FlowPlan flow)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new FlowRunOptions
        {
            BaseUrl = settings.Flows.BaseUrlFor(flow),
            Overrides = settings.Flows.Sources.Variables,
            EnvironmentVariables = settings.Flows.VariablesFor(flow),
            Timeout = settings.Timeout,
            FailFast = settings.FailFast,
            FollowRedirects = settings.FollowRedirects,
            Insecure = settings.Insecure,
            Tls = settings.Tls,
            SoftBudgets = settings.SoftBudgets,
            MaxBodyBytes = settings.MaxBodyBytes,
            Http2 = settings.Http2,
            ResponseCheck = settings.ResponseCheck,
            HttpClient = settings.HttpClient,
        };
    }
}
