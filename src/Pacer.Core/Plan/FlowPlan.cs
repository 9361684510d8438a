using System.Text.Json.Nodes;
using Pacer.Core.Execution;
using Pacer.Core.Flow.Syntax;

namespace Pacer.Core.Plan;

/// <summary>
/// One flow compiled for every command (<c>run</c>, <c>load</c>, <c>monitor</c>, Pacer.Testing, the
/// Hub): its steps as <see cref="StepPlan"/>s in file order, its flow-level directives as typed values
/// with their positions, and its default variables. Compiling reads only the parsed document, so a
/// flow that parses always compiles; what does not fit (load settings that contradict each other, a
/// threshold on a step the run does not have) is found by the run's own compilation, before anything
/// is sent, at the same file:line:column for every command.
/// </summary>
public sealed class FlowPlan
{
    private FlowPlan(FlowDocument document, IReadOnlyList<StepPlan> steps, int captureSlots)
    {
        Document = document;
        Steps = steps;
        CaptureSlots = captureSlots;
        Defaults = document.Metadata.Defaults.ToDictionary(v => v.Key, v => (JsonNode?)JsonValue.Create(v.Value), StringComparer.Ordinal);
    }

    public FlowDocument Document { get; }

    public string Path => Document.Path;

    /// <summary>The flow's <c>@name</c>, or its file name.</summary>
    public string Name => Document.Metadata.Name ?? System.IO.Path.GetFileName(Document.Path);

    public FlowMetadata Metadata => Document.Metadata;

    public IReadOnlyList<StepPlan> Steps { get; }

    /// <summary>How many captures the flow's steps declare in all (the size of one iteration's capture record).</summary>
    public int CaptureSlots { get; }

    public IReadOnlyList<ThresholdDirective> Thresholds => Document.Metadata.Thresholds;

    public LoadSettings Load => Document.Metadata.Load;

    /// <summary>The flow's <c>@var</c> defaults: the lowest-priority variables.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Defaults { get; }

    public static FlowPlan Compile(FlowDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var steps = new List<StepPlan>(document.Steps.Count);
        // Which capture slot last captured each name, and in which step: the source of later steps' needs.
        var lastCapture = new Dictionary<string, (int Step, int Slot)>(StringComparer.Ordinal);
        var slot = 0;
        for (var i = 0; i < document.Steps.Count; i++)
        {
            var node = document.Steps[i];
            var needs = new List<StepNeed>();
            foreach (var name in StepVariableNeeds.Of(node))
            {
                if (lastCapture.TryGetValue(name, out var source))
                {
                    needs.Add(new StepNeed(name, source.Step + 1, source.Slot));
                }
            }

            steps.Add(new StepPlan(node, i, slot, needs));
            foreach (var capture in node.Captures)
            {
                lastCapture[capture.Name] = (i, slot++);
            }
        }

        return new FlowPlan(document, steps, slot);
    }

    public override string ToString() => Path;
}
