namespace Pacer.Reports.Html.Charts;

/// <summary>
/// One line on a chart: <see cref="Key"/> is the stable name tests and scripts read from
/// <c>data-series</c>; <see cref="Label"/> is what the legend shows; <see cref="Tone"/> picks the
/// colour from the stylesheet (<c>tone-1</c>…<c>tone-4</c>, <c>tone-bad</c>).
/// </summary>
public sealed record ChartSeries(string Key, string Label, IReadOnlyList<double> Values, string Tone);
