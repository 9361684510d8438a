using System.Collections.Concurrent;
using Pacer.Core.Execution;
using Pacer.Core.Flow.Syntax;

namespace Pacer.Reports.Console;

/// <summary>
/// Prints a run as it happens: a header per flow and a line per step. With one job the lines
/// appear live; with several, each flow's lines are buffered and printed together when it ends,
/// so parallel flows never interleave. Ends with <see cref="SummaryTable"/>.
/// </summary>
public sealed class ConsoleRunReporter(TextWriter output, ConsoleStyle style, bool verbose, bool live) : IRunObserver
{
    private readonly Lock gate = new();
    private readonly ConcurrentDictionary<FlowDocument, StringWriter> buffers = new();
    private readonly StepPrinter printer = new(style, verbose);

    public void FlowStarted(FlowDocument flow) =>
        Write(flow, w => w.WriteLine(style.Bold(DisplayName(flow))));

    public void StepCompleted(FlowDocument flow, StepResult result) =>
        Write(flow, w => printer.Print(w, result));

    public void FlowCompleted(FlowDocument flow, FlowRunResult outcome)
    {
        if (!live && buffers.TryRemove(flow, out var buffer))
        {
            lock (gate)
            {
                output.Write(buffer.ToString());
                output.WriteLine();
            }
        }
        else if (live)
        {
            lock (gate)
            {
                output.WriteLine();
            }
        }
    }

    public void PrintSummary(RunResult run)
    {
        lock (gate)
        {
            SummaryTable.Write(output, style, run);
        }
    }

    private static string DisplayName(FlowDocument flow) =>
        flow.Metadata.Name is { } name ? $"{flow.Path} ({name})" : flow.Path;

    private void Write(FlowDocument flow, Action<TextWriter> write)
    {
        if (live)
        {
            lock (gate)
            {
                write(output);
            }

            return;
        }

        write(buffers.GetOrAdd(flow, _ => new StringWriter()));
    }
}
