using Pacer.Core.Flow;
using Pacer.Core.Flow.Syntax;
using Xunit;

namespace Pacer.Core.Tests.Flow;

/// <summary>Shared helpers: build a flow from blocks and parse it, asserting there were no errors.</summary>
internal static class Parsing
{
    public const string FileName = "test.flow.md";

    public static FlowDocument Parse(string text)
    {
        var result = FlowParser.Parse(FileName, text);
        Assert.True(
            !result.HasErrors,
            "unexpected diagnostics:\n" + string.Join('\n', result.Diagnostics.Select(d => DiagnosticRenderer.Render(d, text))));
        return result.Document!;
    }

    public static StepNode Step(string blockBody, string tag = "kest") => Assert.Single(Parse($"```{tag}\n{blockBody}\n```\n").Steps);

    public static IReadOnlyList<Diagnostic> Diagnostics(string text) => FlowParser.Parse(FileName, text).Diagnostics;

    public static Diagnostic SingleDiagnostic(string text)
    {
        var diagnostics = Diagnostics(text);
        return Assert.Single(diagnostics);
    }

    /// <summary>Asserts the diagnostic's code and its exact line:column.</summary>
    public static void AssertAt(Diagnostic diagnostic, string code, int line, int column)
    {
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal((line, column), (diagnostic.Span.Line, diagnostic.Span.Column));
    }
}
