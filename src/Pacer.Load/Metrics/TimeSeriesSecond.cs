namespace Pacer.Load.Metrics;

/// <summary>
/// One closed second of a <see cref="TimeSeries"/> with its whole latency histogram, not just its
/// percentiles: what a distributed run's agents send, so the coordinator's per-second percentiles
/// over every agent are exact (histograms add; percentiles do not).
/// </summary>
public sealed record TimeSeriesSecond(long Second, HistogramData Latency, long Errors, int ActiveVus);
