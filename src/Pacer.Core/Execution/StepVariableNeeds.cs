using Pacer.Core.Flow.Syntax;

namespace Pacer.Core.Execution;

/// <summary>
/// The variables a step cannot run without: every <c>{{name}}</c> in its request and assertions
/// that has no <c>| default:</c> fallback. Used to skip steps whose inputs an earlier step failed to capture.
/// </summary>
public static class StepVariableNeeds
{
    public static IReadOnlyList<string> Of(StepNode step)
    {
        var templates = new List<Template> { step.Url };
        templates.AddRange(step.Headers.Select(h => h.Value));
        templates.AddRange(step.Queries.Select(q => q.Value));
        if (step.Body is not null)
        {
            templates.Add(step.Body);
        }

        foreach (var assertion in step.Assertions)
        {
            if (assertion.Expected is not null)
            {
                CollectTemplates(assertion.Expected, templates);
            }
        }

        // A variable the step captures itself before asserting on it is not an input.
        var ownCaptures = step.Captures.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        return templates
            .SelectMany(t => t.Parts.OfType<VariablePart>())
            .Where(p => p.DefaultValue is null)
            .Select(p => p.Name)
            .Distinct(StringComparer.Ordinal)
            .Where(name => !ownCaptures.Contains(name) || RequestUses(step, name))
            .ToList();
    }

    private static bool RequestUses(StepNode step, string name)
    {
        var request = new List<Template> { step.Url };
        request.AddRange(step.Headers.Select(h => h.Value));
        request.AddRange(step.Queries.Select(q => q.Value));
        if (step.Body is not null)
        {
            request.Add(step.Body);
        }

        return request.Any(t => t.VariableNames.Contains(name, StringComparer.Ordinal));
    }

    private static void CollectTemplates(Operand operand, List<Template> into)
    {
        switch (operand)
        {
            case TemplateOperand template:
                into.Add(template.Template);
                break;
            case ListOperand list:
                foreach (var item in list.Items)
                {
                    CollectTemplates(item, into);
                }

                break;
            case ArithmeticOperand arithmetic:
                CollectTemplates(arithmetic.Left, into);
                CollectTemplates(arithmetic.Right, into);
                break;
        }
    }
}
