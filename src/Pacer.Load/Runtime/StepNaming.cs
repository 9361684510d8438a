using Pacer.Core.Flow.Syntax;

namespace Pacer.Load.Runtime;

/// <summary>
/// Gives every step of a run a unique name for metrics and <c>step[Name]</c> thresholds: its own
/// name when no other flow has a step of that name, else <c>flow/step</c>; a name repeated within one
/// flow gets <c> #2</c>, <c> #3</c>… in file order.
/// </summary>
public static class StepNaming
{
    public static IReadOnlyList<IReadOnlyList<string>> Assign(IReadOnlyList<(string Flow, IReadOnlyList<StepNode> Steps)> flows)
    {
        ArgumentNullException.ThrowIfNull(flows);
        var flowsPerName = flows
            .SelectMany((flow, index) => flow.Steps.Select(step => (step.Name, index)))
            .GroupBy(pair => pair.Name, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(pair => pair.index).Distinct().Count(), StringComparer.Ordinal);

        var result = new List<IReadOnlyList<string>>();
        foreach (var (flow, steps) in flows)
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var names = new List<string>();
            foreach (var step in steps)
            {
                var name = flowsPerName[step.Name] > 1 ? $"{flow}/{step.Name}" : step.Name;
                var count = seen[name] = seen.GetValueOrDefault(name) + 1;
                names.Add(count == 1 ? name : $"{name} #{count}");
            }

            result.Add(names);
        }

        return result;
    }
}
