using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Pacer.Load.Tests.Exposition;

/// <summary>
/// A strict parser of the Prometheus text exposition format 0.0.4, written for the tests: every
/// line must be a HELP, a TYPE or a sample; names and labels follow the grammar; label values use
/// only the allowed escapes; a family is declared (HELP, TYPE) once before its samples, which are
/// contiguous; histogram buckets are cumulative with <c>+Inf</c> equal to <c>_count</c>.
/// Any violation throws <see cref="FormatException"/> naming the line.
/// </summary>
public static partial class ExpositionParser
{
    private static readonly string[] Types = ["counter", "gauge", "histogram", "summary", "untyped"];

    public static IReadOnlyList<MetricFamily> Parse(string text)
    {
        if (text.Length > 0 && !text.EndsWith('\n'))
        {
            throw new FormatException("the exposition must end with a line feed");
        }

        var families = new List<MetricFamily>();
        var closed = new HashSet<string>(StringComparer.Ordinal);
        MetricFamily? current = null;
        var lines = text.Split('\n')[..^1];
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var where = $"line {i + 1} '{line}'";
            if (line.Contains('\r', StringComparison.Ordinal))
            {
                throw new FormatException($"{where}: carriage return");
            }

            if (line.StartsWith("# HELP ", StringComparison.Ordinal) || line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line[7..].Split(' ', 2);
                var name = parts[0];
                RequireMetricName(name, where);
                if (current?.Name != name)
                {
                    if (current is not null)
                    {
                        closed.Add(current.Name);
                    }

                    if (closed.Contains(name) || families.Any(f => f.Name == name))
                    {
                        throw new FormatException($"{where}: family {name} declared again");
                    }

                    current = new MetricFamily(name);
                    families.Add(current);
                }

                if (line[2] == 'H')
                {
                    if (current.Help is not null || parts.Length < 2)
                    {
                        throw new FormatException($"{where}: duplicate or empty HELP");
                    }

                    current.Help = Unescape(parts[1], allowQuote: false, where);
                }
                else
                {
                    if (current.Type is not null || current.Samples.Count > 0 || parts.Length < 2 || !Types.Contains(parts[1]))
                    {
                        throw new FormatException($"{where}: TYPE must come once, before samples, and be one of {string.Join('|', Types)}");
                    }

                    current.Type = parts[1];
                }

                continue;
            }

            if (line.StartsWith('#') || line.Length == 0)
            {
                throw new FormatException($"{where}: not a HELP, TYPE or sample line");
            }

            var sample = ParseSample(line, where);
            if (current is null || !BelongsTo(sample.Name, current))
            {
                throw new FormatException($"{where}: sample {sample.Name} outside its declared family (TYPE missing or family not contiguous)");
            }

            current.Samples.Add(sample);
        }

        foreach (var family in families)
        {
            Validate(family);
        }

        return families;
    }

    private static bool BelongsTo(string sampleName, MetricFamily family) => family.Type switch
    {
        "histogram" => sampleName == family.Name + "_bucket" || sampleName == family.Name + "_sum" || sampleName == family.Name + "_count",
        null => false,
        _ => sampleName == family.Name,
    };

    private static void Validate(MetricFamily family)
    {
        if (family.Type is null || family.Help is null)
        {
            throw new FormatException($"family {family.Name} lacks HELP or TYPE");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sample in family.Samples)
        {
            var key = sample.Name + "{" + string.Join(',', sample.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key + "=" + l.Value)) + "}";
            if (!seen.Add(key))
            {
                throw new FormatException($"duplicate series {key}");
            }

            if (family.Type == "counter" && (sample.Value < 0 || double.IsNaN(sample.Value)))
            {
                throw new FormatException($"counter {key} is {sample.Value}");
            }
        }

        if (family.Type == "histogram")
        {
            ValidateHistogram(family);
        }
    }

    private static void ValidateHistogram(MetricFamily family)
    {
        foreach (var series in family.Samples.GroupBy(s => SeriesKey(s, "le")))
        {
            var buckets = series.Where(s => s.Name.EndsWith("_bucket", StringComparison.Ordinal)).ToList();
            var count = series.SingleOrDefault(s => s.Name.EndsWith("_count", StringComparison.Ordinal))
                ?? throw new FormatException($"histogram {family.Name}{{{series.Key}}} has no _count");
            _ = series.SingleOrDefault(s => s.Name.EndsWith("_sum", StringComparison.Ordinal))
                ?? throw new FormatException($"histogram {family.Name}{{{series.Key}}} has no _sum");
            if (buckets.Count == 0 || buckets.Any(b => !b.Labels.ContainsKey("le")))
            {
                throw new FormatException($"histogram {family.Name}{{{series.Key}}} has buckets without le");
            }

            var previousBound = double.NegativeInfinity;
            var previousCount = 0.0;
            foreach (var bucket in buckets)
            {
                var bound = ParseValue(bucket.Labels["le"], $"le of {family.Name}");
                if (bound <= previousBound || bucket.Value < previousCount)
                {
                    throw new FormatException($"histogram {family.Name}{{{series.Key}}}: bucket le={bucket.Labels["le"]} is not after le={previousBound} with a count at least {previousCount}");
                }

                previousBound = bound;
                previousCount = bucket.Value;
            }

            if (!double.IsPositiveInfinity(previousBound) || previousCount != count.Value)
            {
                throw new FormatException($"histogram {family.Name}{{{series.Key}}}: the last bucket must be +Inf and equal _count ({previousCount} vs {count.Value})");
            }
        }
    }

    private static string SeriesKey(Sample sample, string without) =>
        string.Join(',', sample.Labels.Where(l => l.Key != without).OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key + "=" + l.Value));

    private static Sample ParseSample(string line, string where)
    {
        var nameEnd = 0;
        while (nameEnd < line.Length && line[nameEnd] is not ('{' or ' '))
        {
            nameEnd++;
        }

        var name = line[..nameEnd];
        RequireMetricName(name, where);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var position = nameEnd;
        if (position < line.Length && line[position] == '{')
        {
            position++;
            while (line[position] != '}')
            {
                var equals = line.IndexOf('=', position);
                var labelName = equals < 0 ? "" : line[position..equals];
                if (!LabelName().IsMatch(labelName) || labelName.StartsWith("__", StringComparison.Ordinal))
                {
                    throw new FormatException($"{where}: bad label name '{labelName}'");
                }

                if (equals + 1 >= line.Length || line[equals + 1] != '"')
                {
                    throw new FormatException($"{where}: label value must be quoted");
                }

                var value = new StringBuilder();
                var at = equals + 2;
                while (true)
                {
                    if (at >= line.Length)
                    {
                        throw new FormatException($"{where}: unterminated label value");
                    }

                    if (line[at] == '"')
                    {
                        break;
                    }

                    if (line[at] == '\\')
                    {
                        value.Append(line[at + 1] switch
                        {
                            '\\' => '\\',
                            '"' => '"',
                            'n' => '\n',
                            _ => throw new FormatException($"{where}: bad escape '\\{line[at + 1]}'"),
                        });
                        at += 2;
                        continue;
                    }

                    value.Append(line[at]);
                    at++;
                }

                if (!labels.TryAdd(labelName, value.ToString()))
                {
                    throw new FormatException($"{where}: label {labelName} repeated");
                }

                position = at + 1;
                if (line[position] == ',')
                {
                    position++;
                }
                else if (line[position] != '}')
                {
                    throw new FormatException($"{where}: expected ',' or '}}' after a label");
                }
            }

            position++;
        }

        if (position >= line.Length || line[position] != ' ')
        {
            throw new FormatException($"{where}: expected one space before the value");
        }

        var rest = line[(position + 1)..].Split(' ');
        if (rest.Length is < 1 or > 2 || (rest.Length == 2 && !long.TryParse(rest[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)))
        {
            throw new FormatException($"{where}: expected a value and an optional integer timestamp");
        }

        return new Sample(name, labels, ParseValue(rest[0], where));
    }

    private static double ParseValue(string text, string where) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ when FloatValue().IsMatch(text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        _ => throw new FormatException($"{where}: '{text}' is not a float value"),
    };

    private static string Unescape(string text, bool allowQuote, string where)
    {
        var result = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\')
            {
                result.Append(text[i]);
                continue;
            }

            result.Append(i + 1 < text.Length ? text[i + 1] switch
            {
                '\\' => '\\',
                'n' => '\n',
                '"' when allowQuote => '"',
                _ => throw new FormatException($"{where}: bad escape in HELP"),
            } : throw new FormatException($"{where}: dangling backslash"));
            i++;
        }

        return result.ToString();
    }

    private static void RequireMetricName(string name, string where)
    {
        if (!MetricName().IsMatch(name))
        {
            throw new FormatException($"{where}: '{name}' is not a valid metric name");
        }
    }

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex MetricName();

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$")]
    private static partial Regex LabelName();

    [GeneratedRegex(@"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")]
    private static partial Regex FloatValue();
}

public sealed class MetricFamily(string name)
{
    public string Name { get; } = name;

    public string? Help { get; set; }

    public string? Type { get; set; }

    public List<Sample> Samples { get; } = [];
}

public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);
