using Pacer.Contracts.Import;
using Pacer.Core.Flow;
using Pacer.Core.Flow.Syntax;
using Xunit;

namespace Pacer.Contracts.Tests.Import;

/// <summary>What <c>pacer check</c> does to a file: parse it, then look for variables defined nowhere.</summary>
internal static class PacerCheck
{
    public static FlowDocument Passes(ImportedFlow flow)
    {
        var parsed = FlowParser.Parse(flow.FileName, flow.Text);
        var errors = parsed.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (parsed.Document is not null)
        {
            errors.AddRange(VariableUsageChecker.Check(parsed.Document, []).Where(d => d.Severity == DiagnosticSeverity.Error));
        }

        Assert.True(errors.Count == 0, $"{flow.FileName}:\n{string.Join("\n", errors.Select(e => $"{e.Span.Line}:{e.Span.Column} {e.Message}"))}\n{flow.Text}");
        return parsed.Document!;
    }

    public static string TestData(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);
}
