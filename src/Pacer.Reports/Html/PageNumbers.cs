using System.Globalization;

namespace Pacer.Reports.Html;

/// <summary>
/// How numbers read on the page (always invariant culture, so a report looks the same wherever it
/// was written), and how they are stored in <c>data-value</c> attributes: round-trip exact, so a
/// test or a script can compare the page against the result file.
/// </summary>
public static class PageNumbers
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Requests per second: one decimal below 1,000, none above.</summary>
    public static string Rate(double perSecond) =>
        perSecond.ToString(perSecond < 1000 ? "N1" : "N0", CultureInfo.InvariantCulture);

    /// <summary>Milliseconds with precision that shrinks as values grow: 0.42, 12.3, 107.2, 1,204.</summary>
    public static string Milliseconds(double ms) => ms switch
    {
        < 10 => ms.ToString("0.##", CultureInfo.InvariantCulture),
        < 1000 => ms.ToString("0.#", CultureInfo.InvariantCulture),
        _ => ms.ToString("N0", CultureInfo.InvariantCulture),
    } + " ms";

    /// <summary>A 0–1 fraction as a percentage with two decimals (0.0123 → 1.23%).</summary>
    public static string Percent(double fraction) =>
        (fraction * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>The exact value for <c>data-*</c> attributes.</summary>
    public static string Exact(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Exact(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Compact numbers for chart axes and SVG coordinates.</summary>
    public static string Axis(double value) => Math.Abs(value) switch
    {
        >= 1_000_000 => (value / 1_000_000).ToString("0.#", CultureInfo.InvariantCulture) + "M",
        >= 10_000 => (value / 1_000).ToString("0.#", CultureInfo.InvariantCulture) + "k",
        >= 100 => value.ToString("0", CultureInfo.InvariantCulture),
        >= 1 => value.ToString("0.#", CultureInfo.InvariantCulture),
        _ => value.ToString("0.##", CultureInfo.InvariantCulture),
    };

    public static string Coordinate(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A duration as people say it: 850 ms, 12.4 s, 3m 05s, 1h 02m.</summary>
    public static string Duration(TimeSpan duration) => duration.TotalSeconds switch
    {
        < 1 => Milliseconds(duration.TotalMilliseconds),
        < 60 => duration.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s",
        < 3600 => string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalMinutes}m {duration.Seconds:00}s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalHours}h {duration.Minutes:00}m"),
    };

    public static string Timestamp(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => bytes.ToString(CultureInfo.InvariantCulture) + " B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KiB",
        < 1024L * 1024 * 1024 => (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MiB",
        _ => (bytes / (1024.0 * 1024 * 1024)).ToString("0.##", CultureInfo.InvariantCulture) + " GiB",
    };
}
