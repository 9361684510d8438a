using Pacer.Core.Flow;
using Pacer.Core.Flow.Syntax;

namespace Pacer.Cli.Input;

/// <summary>Every file's parse outcome, and every diagnostic of every file rendered at once.</summary>
public sealed record LoadedFlows(IReadOnlyList<FlowDocument> Documents, int ErrorCount, int WarningCount)
{
    public bool HasErrors => ErrorCount > 0;
}

/// <summary>
/// Parses all flow files before anything runs and prints their diagnostics (with the offending line
/// and a caret) to the error writer, so one pass shows every problem.
/// </summary>
public static class FlowLoader
{
    /// <param name="knownNames">Variables defined before a flow runs (--var, its environment), for the undefined-variable check.</param>
    public static LoadedFlows Load(IReadOnlyList<string> fullPaths, string currentDirectory, TextWriter diagnostics, Func<FlowDocument, IEnumerable<string>> knownNames)
    {
        var documents = new List<FlowDocument>();
        var errors = 0;
        var warnings = 0;
        foreach (var fullPath in fullPaths)
        {
            var display = FlowFileFinder.DisplayPath(fullPath, currentDirectory);
            var text = File.ReadAllText(fullPath);
            var parsed = FlowParser.Parse(display, text);
            var all = parsed.Diagnostics.ToList();
            if (!parsed.HasErrors && parsed.Document is not null)
            {
                all.AddRange(VariableUsageChecker.Check(parsed.Document, knownNames(parsed.Document)));
            }

            foreach (var diagnostic in all.OrderBy(d => d.Span.Line).ThenBy(d => d.Span.Column))
            {
                diagnostics.WriteLine(DiagnosticRenderer.Render(diagnostic, text));
                if (diagnostic.Severity == DiagnosticSeverity.Error)
                {
                    errors++;
                }
                else
                {
                    warnings++;
                }
            }

            if (!all.Any(d => d.Severity == DiagnosticSeverity.Error) && parsed.Document is not null)
            {
                documents.Add(parsed.Document);
            }
        }

        return new LoadedFlows(documents, errors, warnings);
    }
}
