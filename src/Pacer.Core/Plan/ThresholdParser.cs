using System.Globalization;
using Pacer.Core.Flow;

namespace Pacer.Core.Plan;

/// <summary>
/// Parses k6-style thresholds: <c>[step[Name].]metric op value</c> where metric is p50, p90, p95,
/// p99, p99.9, min, max or avg (value a duration, <see cref="DurationSyntax"/>), errors or checks
/// (a percentage) or rps (a number); op is &lt;, &lt;=, &gt;, &gt;= or ==. Spaces are allowed between the
/// parts. The same parser reads <c>@threshold</c> lines and <c>--threshold</c> options.
/// </summary>
public static class ThresholdParser
{
    private static readonly (string Name, ThresholdMetric Metric)[] Metrics =
    [
        // Longest first so p99.9 is not read as p99 followed by garbage.
        ("p99.9", ThresholdMetric.P999),
        ("p50", ThresholdMetric.P50),
        ("p90", ThresholdMetric.P90),
        ("p95", ThresholdMetric.P95),
        ("p99", ThresholdMetric.P99),
        ("min", ThresholdMetric.Min),
        ("max", ThresholdMetric.Max),
        ("avg", ThresholdMetric.Avg),
        ("errors", ThresholdMetric.Errors),
        ("checks", ThresholdMetric.Checks),
        ("rps", ThresholdMetric.Rps),
    ];

    public const string MetricNames = "p50, p90, p95, p99, p99.9, min, max, avg, errors, checks or rps";

    public static Threshold Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var position = SkipSpaces(text, 0);
        if (position == text.Length)
        {
            throw Error(text, position, "empty threshold; expected something like p95<150ms");
        }

        string? step = null;
        if (text.AsSpan(position).StartsWith("step[", StringComparison.Ordinal))
        {
            var nameStart = position + 5;
            var close = text.IndexOf(']', nameStart);
            if (close < 0)
            {
                throw Error(text, text.Length, "missing ']' after the step name");
            }

            step = text[nameStart..close].Trim();
            if (step.Length == 0)
            {
                throw Error(text, nameStart, "empty step name in step[...]");
            }

            position = close + 1;
            if (position >= text.Length || text[position] != '.')
            {
                throw Error(text, position, "expected '.' and a metric after step[...], as in step[Login].p99<800ms");
            }

            position++;
        }

        var metricStart = position;
        var (name, metric) = Metrics.FirstOrDefault(m => text.AsSpan(position).StartsWith(m.Name, StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            var word = ReadWhile(text, position, c => !IsOperatorChar(c) && c != ' ');
            var near = Suggestions.Closest(word, Metrics.Select(m => m.Name));
            throw Error(text, metricStart, $"unknown metric '{word}' (use {MetricNames}){(near is null ? "" : $"; did you mean '{near}'?")}");
        }

        position = SkipSpaces(text, position + name.Length);
        var (op, opLength) = ReadOperator(text, position);
        position = SkipSpaces(text, position + opLength);

        var valueStart = position;
        var value = text[valueStart..].TrimEnd();
        if (value.Length == 0)
        {
            throw Error(text, valueStart, "missing value after the operator");
        }

        var limit = metric switch
        {
            ThresholdMetric.Errors or ThresholdMetric.Checks => ParsePercentage(text, valueStart, value, name),
            ThresholdMetric.Rps => ParseRate(text, valueStart, value),
            _ => ParseDuration(text, valueStart, value),
        };
        return new Threshold(text.Trim(), step, metric, op, limit);
    }

    private static (ThresholdOperator Operator, int Length) ReadOperator(string text, int position)
    {
        var rest = text.AsSpan(position);
        (string Text, ThresholdOperator Operator)[] operators =
        [
            ("<=", ThresholdOperator.LessThanOrEqual), (">=", ThresholdOperator.GreaterThanOrEqual), ("==", ThresholdOperator.Equal),
            ("<", ThresholdOperator.LessThan), (">", ThresholdOperator.GreaterThan),
        ];
        foreach (var (written, op) in operators)
        {
            if (rest.StartsWith(written, StringComparison.Ordinal))
            {
                return (op, written.Length);
            }
        }

        var word = ReadWhile(text, position, c => !char.IsWhiteSpace(c));
        var found = position < text.Length ? $"'{word}'" : "the end";
        throw Error(text, position, $"expected an operator (<, <=, >, >= or ==), found {found}");
    }

    private static double ParseDuration(string text, int column, string value)
    {
        if (!DurationSyntax.TryParseNanoseconds(value, out var nanoseconds, out var error))
        {
            throw Error(text, column, error!);
        }

        return nanoseconds;
    }

    private static double ParsePercentage(string text, int column, string value, string metric)
    {
        if (!value.EndsWith('%'))
        {
            throw Error(text, column + value.Length, $"{metric} takes a percentage, as in {metric}{(metric == "checks" ? ">99%" : "<1%")}");
        }

        var number = ParseNumber(text, column, value[..^1].TrimEnd());
        return number <= 100
            ? number / 100
            : throw Error(text, column, $"a percentage is at most 100%, got {value}");
    }

    private static double ParseRate(string text, int column, string value) =>
        ParseNumber(text, column, value.EndsWith("/s", StringComparison.Ordinal) ? value[..^2] : value);

    private static double ParseNumber(string text, int column, string number)
    {
        if (number.StartsWith('-'))
        {
            throw Error(text, column, $"a threshold cannot be negative, got '{number}'");
        }

        return double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed)
            ? parsed
            : throw Error(text, column, $"expected a number, found '{number}'");
    }

    private static int SkipSpaces(string text, int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        return position;
    }

    private static string ReadWhile(string text, int position, Func<char, bool> accept)
    {
        var end = position;
        while (end < text.Length && accept(text[end]))
        {
            end++;
        }

        return text[position..end];
    }

    private static bool IsOperatorChar(char c) => c is '<' or '>' or '=';

    private static DirectiveSyntaxException Error(string text, int position, string reason) =>
        new("threshold", text, position + 1, reason);
}
