using System.Globalization;
using Pacer.Load.Syntax;

namespace Pacer.Load.Thresholds;

/// <summary>
/// Parses k6-style thresholds: <c>[step[Name].]metric op value</c> where metric is
/// p50, p90, p95, p99, p99.9, min, max or avg (value a duration), errors (value a percentage)
/// or rps (a number). Spaces are allowed between the parts.
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
        ("rps", ThresholdMetric.Rps),
    ];

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
            throw Error(text, metricStart, $"unknown metric '{word}' (use p50, p90, p95, p99, p99.9, min, max, avg, errors or rps)");
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
            ThresholdMetric.Errors => ParsePercentage(text, valueStart, value),
            ThresholdMetric.Rps => ParseRate(text, valueStart, value),
            _ => ParseDuration(text, valueStart, value),
        };
        return new Threshold(text.Trim(), step, metric, op, limit);
    }

    private static (ThresholdOperator Operator, int Length) ReadOperator(string text, int position)
    {
        var rest = text.AsSpan(position);
        if (rest.StartsWith("<=", StringComparison.Ordinal))
        {
            return (ThresholdOperator.LessThanOrEqual, 2);
        }

        if (rest.StartsWith(">=", StringComparison.Ordinal))
        {
            return (ThresholdOperator.GreaterThanOrEqual, 2);
        }

        if (rest.StartsWith("<", StringComparison.Ordinal))
        {
            return (ThresholdOperator.LessThan, 1);
        }

        if (rest.StartsWith(">", StringComparison.Ordinal))
        {
            return (ThresholdOperator.GreaterThan, 1);
        }

        var found = position < text.Length ? $"'{text[position]}'" : "the end";
        throw Error(text, position, $"expected an operator (<, <=, > or >=), found {found}");
    }

    private static double ParseDuration(string text, int column, string value) =>
        DurationSyntax.TryParseNanoseconds(value, out var nanoseconds, out var error)
            ? nanoseconds
            : throw Error(text, column, error!);

    private static double ParsePercentage(string text, int column, string value)
    {
        if (!value.EndsWith('%'))
        {
            throw Error(text, column + value.Length, "errors takes a percentage, as in errors<1%");
        }

        return ParseNumber(text, column, value[..^1]) / 100;
    }

    private static double ParseRate(string text, int column, string value) =>
        ParseNumber(text, column, value.EndsWith("/s", StringComparison.Ordinal) ? value[..^2] : value);

    private static double ParseNumber(string text, int column, string number) =>
        double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw Error(text, column, $"expected a number, found '{number}'");

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

    private static LoadSyntaxException Error(string text, int position, string reason) =>
        new("threshold", text, position + 1, reason);
}
