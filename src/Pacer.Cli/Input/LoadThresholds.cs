using Pacer.Core.Flow.Syntax;
using Pacer.Load;
using Pacer.Load.Thresholds;

namespace Pacer.Cli.Input;

/// <summary>
/// The thresholds of a load run: the command line's <c>--threshold</c> values when any are given
/// (they replace the flows'), else every flow's <c>@threshold</c> lines. A threshold that does not
/// parse is printed with a caret under the column (and the file:line:column for flow lines).
/// </summary>
public static class LoadThresholds
{
    public static IReadOnlyList<Threshold>? Resolve(IReadOnlyList<string> commandLine, IReadOnlyList<FlowDocument> flows, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        ArgumentNullException.ThrowIfNull(flows);
        ArgumentNullException.ThrowIfNull(error);
        var thresholds = new List<Threshold>();
        if (commandLine.Count > 0)
        {
            foreach (var text in commandLine)
            {
                try
                {
                    thresholds.Add(ThresholdParser.Parse(text));
                }
                catch (LoadSyntaxException exception)
                {
                    error.WriteLine($"error: --threshold: {exception.Reason} (column {exception.Column})");
                    error.WriteLine(exception.Render());
                    return null;
                }
            }

            return thresholds;
        }

        foreach (var line in flows.SelectMany(f => f.Metadata.Thresholds))
        {
            try
            {
                var threshold = ThresholdParser.Parse(line.Text);
                // Two flows declaring the same threshold check it once.
                if (!thresholds.Any(t => t.Text == threshold.Text))
                {
                    thresholds.Add(threshold);
                }
            }
            catch (LoadSyntaxException exception)
            {
                error.WriteLine(At(line, exception.Column) + $": error: @threshold: {exception.Reason}");
                error.WriteLine(exception.Render());
                return null;
            }
        }

        return thresholds;
    }

    /// <summary><c>file:line:column</c> of <paramref name="column"/> (1-based) within a directive's text.</summary>
    public static string At(DirectiveLine line, int column)
    {
        ArgumentNullException.ThrowIfNull(line);
        return $"{line.Span.File}:{line.Span.Line}:{line.Span.Column + column - 1}";
    }
}
