using Pacer.Core.Assertions;
using Pacer.Core.Execution;
using Pacer.Core.Flow.Syntax;
using Pacer.Reports.Console;

namespace Pacer.Testing;

/// <summary>One run of a flow: its steps, every assertion, and the CLI's report of it.</summary>
public sealed class FlowResult
{
    internal FlowResult(FlowDocument document, FlowRunResult run)
    {
        Document = document;
        Run = run;
    }

    public FlowDocument Document { get; }

    /// <summary>The engine's result, as Pacer.Reports' writers (JSON, JUnit, Markdown) take it.</summary>
    public FlowRunResult Run { get; }

    public string Path => Run.Path;

    public string Name => Run.Name;

    public bool Passed => Run.Passed;

    public IReadOnlyList<StepResult> Steps => Run.Steps;

    /// <summary>Every assertion of every step that ran, in order.</summary>
    public IReadOnlyList<AssertionOutcome> Assertions => [.. Run.Steps.SelectMany(s => s.Assertions)];

    public IReadOnlyList<StepResult> FailedSteps => [.. Run.Steps.Where(s => s.Status == StepStatus.Failed)];

    /// <summary>The step named by <c>@name</c> (or its heading); throws when there is none.</summary>
    public StepResult Step(string name) =>
        Run.Steps.FirstOrDefault(s => s.Step.Name == name)
        ?? throw new ArgumentException($"{Path} has no step named '{name}'; its steps are: {string.Join(", ", Run.Steps.Select(s => s.Step.Name))}", nameof(name));

    /// <summary>Throws <see cref="FlowFailedException"/> with <see cref="Report"/> unless every step passed.</summary>
    public FlowResult ShouldPass()
    {
        if (!Passed)
        {
            throw new FlowFailedException(this);
        }

        return this;
    }

    /// <summary>What <c>pacer run</c> prints for this flow (without colour): its steps, each failure in detail, and the summary table.</summary>
    public string Report(bool verbose = false)
    {
        using var output = new StringWriter();
        var reporter = new ConsoleRunReporter(output, new ConsoleStyle(useColor: false), verbose, live: true);
        reporter.FlowStarted(Document);
        foreach (var step in Run.Steps)
        {
            reporter.StepCompleted(Document, step);
        }

        reporter.FlowCompleted(Document, Run);
        reporter.PrintSummary(new RunResult([Run], Run.StartedAt, Run.Duration));
        return output.ToString();
    }

    public override string ToString() => $"{Path}: {(Passed ? "passed" : "failed")} ({Run.PassedCount}/{Run.Steps.Count} steps)";
}
