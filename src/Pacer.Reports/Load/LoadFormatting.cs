using System.Globalization;
using Pacer.Load.Results;

namespace Pacer.Reports.Load;

/// <summary>How load numbers read in every load report (console, Markdown, JUnit), so a p95 looks the same everywhere.</summary>
public static class LoadFormatting
{
    /// <summary>Milliseconds with precision that suits the size: <c>0.42ms</c>, <c>12.3ms</c>, <c>1520ms</c>.</summary>
    public static string Milliseconds(double milliseconds) => milliseconds switch
    {
        < 10 => milliseconds.ToString("0.##", CultureInfo.InvariantCulture) + "ms",
        < 1000 => milliseconds.ToString("0.#", CultureInfo.InvariantCulture) + "ms",
        _ => milliseconds.ToString("0", CultureInfo.InvariantCulture) + "ms",
    };

    /// <summary>A 0–1 fraction as a percentage: <c>0%</c>, <c>0.25%</c>, <c>12.5%</c>.</summary>
    public static string Percent(double fraction) =>
        (fraction * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    public static string Rate(double perSecond) =>
        perSecond.ToString(perSecond < 100 ? "0.##" : "0.#", CultureInfo.InvariantCulture) + "/s";

    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Bytes in binary units: <c>512 B</c>, <c>1.5 KiB</c>, <c>3.2 MiB</c>.</summary>
    public static string Bytes(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0
            ? bytes.ToString(CultureInfo.InvariantCulture) + " B"
            : value.ToString("0.#", CultureInfo.InvariantCulture) + " " + units[unit];
    }

    /// <summary><c>1m05s</c>, <c>12s</c>, <c>1h02m</c>: elapsed time for people.</summary>
    public static string Duration(TimeSpan duration) => duration.TotalSeconds switch
    {
        < 60 => ((long)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s",
        < 3600 => string.Create(CultureInfo.InvariantCulture, $"{(long)duration.TotalMinutes}m{duration.Seconds:00}s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(long)duration.TotalHours}h{duration.Minutes:00}m"),
    };

    /// <summary>Failures by kind, largest first: <c>5xx 10, timeout 2</c>; <c>none</c> when empty.</summary>
    public static string FailureKinds(IReadOnlyDictionary<string, long> failuresByKind)
    {
        var parts = failuresByKind
            .Where(pair => pair.Value > 0)
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => $"{pair.Key} {Count(pair.Value)}")
            .ToList();
        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }

    /// <summary>The step's SLA in a few words: <c>&lt;200ms met</c>, <c>&lt;200ms: 12 over</c>, <c>&lt;200ms: nothing succeeded</c>, or <c>-</c> when it has none.</summary>
    public static string Sla(SlaResult? sla) => sla switch
    {
        null => "-",
        { Met: true } => $"<{Milliseconds(sla.BudgetMs)} met",
        { Violations: 0, Succeeded: 0 } => $"<{Milliseconds(sla.BudgetMs)}: nothing succeeded",
        _ => $"<{Milliseconds(sla.BudgetMs)}: {Count(sla.Violations)} over",
    };

    /// <summary>A threshold as the reports list it; the one Pacer added itself says so.</summary>
    public static string ThresholdText(ThresholdOutcome threshold)
    {
        ArgumentNullException.ThrowIfNull(threshold);
        return threshold.Implicit ? $"{threshold.Text} (default: no threshold on checks or errors was given)" : threshold.Text;
    }

    /// <summary>The limit part of a threshold as written (<c>&lt;150ms</c> of <c>p95&lt;150ms</c>), for "actual vs limit".</summary>
    public static string Limit(ThresholdOutcome threshold)
    {
        ArgumentNullException.ThrowIfNull(threshold);
        var text = threshold.Text;
        var afterStep = text.IndexOf(']', StringComparison.Ordinal) + 1;
        var op = text.IndexOfAny(['<', '>', '='], afterStep);
        return op < 0 ? text : text[op..].Replace(" ", "", StringComparison.Ordinal);
    }

    /// <summary>The executor and its settings: <c>constant-vus (vus=64, duration=10s)</c>.</summary>
    public static string Executor(LoadExecutorInfo executor)
    {
        ArgumentNullException.ThrowIfNull(executor);
        var settings = string.Join(", ", executor.Settings.Select(pair => $"{pair.Key}={pair.Value}"));
        var type = executor.Type.Length == 0 ? "unknown" : executor.Type;
        return settings.Length == 0 ? type : $"{type} ({settings})";
    }

    /// <summary>Which HTTP path sent the requests and why: <c>engine (raw HTTP/1.1)</c>, <c>httpclient: HTTP/2 target</c>.</summary>
    public static string Transport(LoadTransportInfo transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        return transport.Reason is { Length: > 0 } reason
            ? $"{transport.Kind}: {reason}"
            : transport.Kind == "engine" ? "engine (Pacer's own HTTP/1.1 and HTTP/2 path, plain or TLS)" : transport.Kind;
    }
}
