using System.Globalization;
using Pacer.Load.Runtime;

namespace Pacer.Reports.Load;

/// <summary>
/// Progress when output is not a terminal (CI logs, files): one greppable line per report,
/// <c>progress 12s/1m00s vus=64 rps=1234.5/s p95=12.3ms requests=14000 errors=0.1% dropped=0 thresholds=ok</c>.
/// Every second for short runs, less often for long ones so a log stays readable; a change in
/// the thresholds' verdict and the final line are always reported at once.
/// </summary>
internal sealed class PlainProgressLines(TextWriter output) : ILoadObserver
{
    // Progress comes from the ticker, messages from wherever the run is; a TextWriter is not thread-safe.
    private readonly Lock _gate = new();
    private long _lastSlot = -1;
    private string? _lastThresholds;

    public void OnProgress(LoadProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var thresholds = ThresholdState(progress);
        var slot = (long)Math.Floor(progress.Elapsed.TotalSeconds / IntervalSeconds(progress));
        lock (_gate)
        {
            if (slot == _lastSlot && thresholds == _lastThresholds && !progress.Final)
            {
                return;
            }

            _lastSlot = slot;
            _lastThresholds = thresholds;
            output.WriteLine(Line(progress, thresholds));
        }
    }

    public void OnMessage(string message)
    {
        lock (_gate)
        {
            output.WriteLine(message);
        }
    }

    /// <summary>Seconds between lines: 1 up to a minute of load, 5 up to ten minutes, then 10.</summary>
    internal static double IntervalSeconds(LoadProgress progress)
    {
        var horizon = progress.Total ?? progress.Elapsed;
        return horizon.TotalMinutes switch
        {
            <= 1 => 1,
            <= 10 => 5,
            _ => 10,
        };
    }

    /// <summary>
    /// vus, rps and p95 are the last second that ended (<c>-</c> before one has); the final line,
    /// <c>progress done …</c>, gives the whole run's rate and p95 and the peak VUs. target (open model
    /// only) is the rate the schedule asks for; requests, errors, dropped and thresholds are cumulative.
    /// </summary>
    internal static string Line(LoadProgress progress, string thresholds)
    {
        var total = progress.Total is { } t ? "/" + LoadFormatting.Duration(t) : "";
        var elapsed = progress.Final && progress.Completed && progress.Total is { } end && progress.Elapsed < end ? end : progress.Elapsed;
        var rps = progress.RequestsPerSecond is { } rate ? LoadFormatting.Rate(rate) : "-";
        var p95 = progress.P95Ms is { } ms ? LoadFormatting.Milliseconds(ms) : "-";
        var target = progress.OpenModel ? $" target={(progress.TargetRate is { } due ? LoadFormatting.Rate(due) : "-")}" : "";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"progress {(progress.Final ? "done " : "")}{LoadFormatting.Duration(elapsed)}{total} vus={progress.ActiveVus} rps={rps} p95={p95}{target} requests={progress.Requests} errors={LoadFormatting.Percent(progress.ErrorRate)} dropped={progress.DroppedIterations} thresholds={thresholds}");
    }

    /// <summary><c>ok</c>, <c>none</c>, or the failing ones: <c>failing(p95&lt;150ms,errors&lt;1%)</c>.</summary>
    internal static string ThresholdState(LoadProgress progress)
    {
        if (progress.Thresholds.Count == 0)
        {
            return "none";
        }

        var failing = progress.Thresholds.Where(t => !t.Passed).Select(t => t.Text.Replace(" ", "", StringComparison.Ordinal)).ToList();
        return failing.Count == 0 ? "ok" : $"failing({string.Join(",", failing)})";
    }
}
