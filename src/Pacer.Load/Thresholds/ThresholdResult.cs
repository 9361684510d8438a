using Pacer.Core.Plan;

namespace Pacer.Load.Thresholds;

/// <summary>A threshold with the value it was checked against; <see cref="Actual"/> is null when the metric had no data (e.g. an unknown step).</summary>
public sealed record ThresholdResult(Threshold Threshold, double? Actual, bool Passed, string ActualText);
