namespace Pacer.Reports.Html.Charts;

/// <summary>
/// One line on a chart: <see cref="Key"/> is the stable name tests and scripts read from
/// <c>data-series</c>; <see cref="Label"/> is what the legend shows; <see cref="Tone"/> picks the
/// colour from the stylesheet (<c>tone-1</c>…<c>tone-8</c>, <c>tone-bad</c>). A value that is
/// NaN is not drawn (a gap: a second without requests has no latency).
/// </summary>
public sealed record ChartSeries(string Key, string Label, IReadOnlyList<double> Values, string Tone)
{
    /// <summary>Drawn dashed: a target or a reference rather than a measurement.</summary>
    public bool Dashed { get; init; }
}
