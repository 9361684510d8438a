using System.Globalization;
using Pacer.Load.Results;
using Pacer.Load.Runtime;
using Pacer.Reports.Console;

namespace Pacer.Reports.Load;

/// <summary>
/// What <c>pacer load</c> prints: progress while the load runs (a live panel on a terminal,
/// plain periodic lines otherwise) and the summary with every threshold at the end.
/// </summary>
public sealed class LoadConsoleReporter(TextWriter output, ConsoleStyle style, bool interactive)
{
    public ConsoleStyle Style { get; } = style;

    public bool Interactive { get; } = interactive;

    /// <summary>Runs <paramref name="run"/> while showing its progress; the observer given to it is the display.</summary>
    public Task<T> ShowProgressAsync<T>(Func<ILoadObserver, Task<T>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run(new PlainLines(output));
    }

    public void RenderSummary(LoadResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var s = result.Summary;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"requests {s.Requests}  failures {s.Failures}  rps {s.Rps:F1}  p95 {s.LatencyMs.P95:F2}ms"));
        foreach (var threshold in result.Thresholds)
        {
            output.WriteLine($"{(threshold.Passed ? "pass" : "FAIL")}  {threshold.Text}  actual {threshold.ActualText}");
        }
    }

    private sealed class PlainLines(TextWriter output) : ILoadObserver
    {
        public void OnProgress(LoadProgress progress) =>
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{progress.Elapsed.TotalSeconds:F0}s vus={progress.ActiveVus} rps={progress.RequestsPerSecond:F0} p95={progress.P95Ms:F1}ms errors={progress.ErrorRate:P1}"));

        public void OnMessage(string message) => output.WriteLine(message);
    }
}
