using Pacer.Load.Metrics;
using Pacer.Load.Results;

namespace Pacer.Load.Runtime;

/// <summary>
/// An observer that also wants the run's result so far (a distributed run's agent streams it to the
/// coordinator, which merges every agent's exactly). Called from the one ticker thread, after
/// <see cref="ILoadObserver.OnProgress"/>; the result has every count and histogram but no time
/// series: the seconds come one by one, with their histograms, through <see cref="OnSecondClosed"/>.
/// </summary>
public interface ILoadSnapshotObserver : ILoadObserver
{
    void OnSnapshot(LoadResult soFar, int activeVus);

    /// <summary>A second of the time series closed (on the ticker thread, and at the end of the run).</summary>
    void OnSecondClosed(TimeSeriesSecond second);
}
