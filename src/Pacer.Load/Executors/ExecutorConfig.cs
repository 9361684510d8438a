using Pacer.Core.Plan;

namespace Pacer.Load.Executors;

/// <summary>
/// One executor's validated configuration, as k6's executor configs: what it needs (VUs, how long),
/// how to warm it up, and how to build the executor that runs it. Each executor's file holds its
/// config, how the config is read from <see cref="LoadSettings"/> (every error at once, see
/// <see cref="ExecutorSettings"/>) and its run loop; <see cref="ExecutorRegistry"/> lists them.
/// </summary>
public abstract record ExecutorConfig
{
    /// <summary>The executor's k6 name: <c>constant-vus</c>, <c>ramping-arrival-rate</c>, …</summary>
    public abstract string Type { get; }

    /// <summary>The most VUs this segment can ever use at once (sizes per-VU state and checks <c>--data-mode unique</c>).</summary>
    public abstract int PeakVus { get; }

    /// <summary>
    /// The share of the test this configuration runs (<c>--segment 2/4</c>, an agent's part of a
    /// distributed run). The configuration keeps the whole test's numbers; each executor's file says
    /// how its VUs and iterations split (<see cref="PeakVus"/>, <see cref="CreateExecutor"/>), so that
    /// the segments of a sequence together run exactly the whole test.
    /// </summary>
    public ExecutionSegment Segment { get; init; } = ExecutionSegment.Whole;

    /// <summary>The most VUs the whole test (every segment together) uses at once.</summary>
    public int WholePeakVus => (this with { Segment = ExecutionSegment.Whole }).PeakVus;

    /// <summary>
    /// The number in the whole test of this segment's VU <paramref name="localVu"/>, so VUs keep their
    /// identity across segments (a data row per VU under <c>--data-mode unique</c> stays one VU's).
    /// </summary>
    public int GlobalVu(int localVu) => (int)Segment.NthOwned(localVu);

    /// <summary>How long its schedule lasts (iterations start only within it).</summary>
    public abstract TimeSpan Duration { get; }

    /// <summary>True for the arrival-rate executors: iterations start on a schedule, whatever the server does.</summary>
    public virtual bool IsOpenModel => false;

    /// <summary>The settings that shaped it, in the user's words (before any split between flows).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>The pause after each step that has no <c>@think</c> of its own.</summary>
    public ThinkTime? Think { get; init; }

    /// <summary>How long iterations still running at the end may take to finish (k6's gracefulStop).</summary>
    public TimeSpan GracefulStop { get; init; } = TimeSpan.FromSeconds(30);

    public abstract LoadExecutor CreateExecutor(LoadIteration iteration, ExecutorOptions options);

    /// <summary>
    /// The warm-up of this configuration: the same kind of load at its starting level for
    /// <paramref name="duration"/>, with no grace period (its numbers are discarded anyway).
    /// </summary>
    public abstract ExecutorConfig WarmUp(TimeSpan duration);
}
