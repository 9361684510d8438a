using Pacer.Load.Runtime;

namespace Pacer.Hub.Client;

/// <summary>
/// Feeds a running <c>pacer load</c>'s progress to the Hub: wraps the observer that draws the console
/// (it still gets every call, first) and turns each progress report into one second for
/// <see cref="HubResultSink.Progress"/>: requests and errors since the previous report, the live p95,
/// the active VUs. Never blocks the run (the sink queues and drops when the Hub is slow).
/// </summary>
public sealed class HubLoadObserver(ILoadObserver display, HubResultSink sink) : ILoadObserver
{
    private long _requests;
    private long _failures;

    public void OnProgress(LoadProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        display.OnProgress(progress);
        var requests = progress.Requests - Interlocked.Exchange(ref _requests, progress.Requests);
        var failures = progress.Failures - Interlocked.Exchange(ref _failures, progress.Failures);
        sink.Progress(new HubProgress((long)progress.Elapsed.TotalSeconds, requests, failures, null, Math.Round(progress.P95Ms, 3), null, progress.ActiveVus));
    }

    public void OnMessage(string message) => display.OnMessage(message);
}
