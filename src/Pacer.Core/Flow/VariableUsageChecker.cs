using Pacer.Core.Flow.Syntax;
using Pacer.Core.Templating;

namespace Pacer.Core.Flow;

/// <summary>
/// Finds variables a flow would use before anything defines them, so the run can be refused
/// up front (kest silently sent an empty string). A use is fine when the name is known before the
/// run (<c>--var</c>, the environment, the flow's defaults), was captured by an earlier step, or
/// has a <c>| default:</c>. Built-ins are always fine. A step's own captures count for its
/// assertions (captures are taken from the response before assertions are evaluated), never for its request.
/// One exception keeps published kest flows running unchanged: an undefined placeholder inside a JSON
/// string value that holds escaped JSON (<c>"template": "{\"user\":\"{{username}}\"}"</c>, a template
/// stored for later) is sent as written, as kest does, with a warning (PACER027), unless its name is a
/// likely misspelling of a defined variable, which stays an error.
/// </summary>
public static class VariableUsageChecker
{
    /// <param name="document">The parsed flow.</param>
    /// <param name="knownNames">Names defined before the run; the flow's own <c>@var</c>/<c>@default</c> names are added.</param>
    public static IReadOnlyList<Diagnostic> Check(FlowDocument document, IEnumerable<string> knownNames)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(knownNames);
        var known = new HashSet<string>(knownNames, StringComparer.Ordinal);
        known.UnionWith(document.Metadata.Defaults.Keys);
        var diagnostics = new List<Diagnostic>();
        foreach (var step in document.Steps)
        {
            foreach (var template in RequestTemplates(step))
            {
                Report(template, known, step, diagnostics, ReferenceEquals(template, step.Body) ? JsonStringPlaceholders.Of(step) : null);
            }

            known.UnionWith(step.Captures.Select(c => c.Name));
            foreach (var template in step.Assertions.SelectMany(a => OperandTemplates(a.Expected)))
            {
                Report(template, known, step, diagnostics, keptAsWritten: null);
            }
        }

        return [.. diagnostics.OrderBy(d => d.Span.Line).ThenBy(d => d.Span.Column)];
    }

    private static IEnumerable<Template> RequestTemplates(StepNode step)
    {
        yield return step.Url;
        foreach (var header in step.Headers)
        {
            yield return header.Value;
        }

        foreach (var query in step.Queries)
        {
            yield return query.Value;
        }

        if (step.Body is not null)
        {
            yield return step.Body;
        }
    }

    private static IEnumerable<Template> OperandTemplates(Operand? operand) => operand switch
    {
        TemplateOperand t => [t.Template],
        ArithmeticOperand a => OperandTemplates(a.Left).Concat(OperandTemplates(a.Right)),
        ListOperand l => l.Items.SelectMany(OperandTemplates),
        _ => [],
    };

    private static void Report(Template template, HashSet<string> known, StepNode step, List<Diagnostic> diagnostics, IReadOnlySet<VariablePart>? keptAsWritten)
    {
        foreach (var part in template.Parts.OfType<VariablePart>())
        {
            if (part.DefaultValue is not null || known.Contains(part.Name))
            {
                continue;
            }

            var lookalike = Suggestions.Closest(part.Name, known);
            if (keptAsWritten is not null && keptAsWritten.Contains(part) && lookalike is null)
            {
                diagnostics.Add(new Diagnostic(
                    DiagnosticSeverity.Warning,
                    DiagnosticCodes.PlaceholderKeptAsWritten,
                    $"variable `{part.Name}` is not defined when step \"{step.Name}\" runs; it stands in a JSON string that holds escaped JSON (a template stored for later), so it is sent "
                        + $"as written (`{{{{{part.Name}}}}}`), as kest does: pass --var {part.Name}=... or capture it earlier if it should be replaced",
                    template.PositionOf(part.Offset, part.Length)));
                continue;
            }

            diagnostics.Add(new Diagnostic(
                DiagnosticSeverity.Error,
                DiagnosticCodes.UndefinedVariable,
                $"variable `{part.Name}` is not defined when step \"{step.Name}\" runs: pass --var {part.Name}=..., "
                    + "capture it in an earlier step, or write `{{" + part.Name + " | default: ...}}`",
                template.PositionOf(part.Offset, part.Length),
                lookalike));
        }
    }
}
