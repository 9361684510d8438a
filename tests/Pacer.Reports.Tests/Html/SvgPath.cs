using System.Globalization;
using System.Text.RegularExpressions;

namespace Pacer.Reports.Tests.Html;

/// <summary>Reads the points of an SVG path's <c>d</c> (M and L commands, as the charts write them).</summary>
internal static partial class SvgPath
{
    public static IReadOnlyList<(double X, double Y)> Points(string d) =>
        [.. Point().Matches(d).Select(m => (
            double.Parse(m.Groups["x"].Value, CultureInfo.InvariantCulture),
            double.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture)))];

    /// <summary>How many separate runs of line the path has (a gap starts a new one).</summary>
    public static int Segments(string d) => d.Count(c => c == 'M');

    [GeneratedRegex(@"[ML]\s*(?<x>-?[0-9.]+),(?<y>-?[0-9.]+)")]
    private static partial Regex Point();
}
