using Pacer.Core.Flow;
using Pacer.Core.Flow.Syntax;
using Xunit;

namespace Pacer.Core.Tests.Flow;

/// <summary>
/// The parser must never throw and never point outside the file, whatever it is fed. The seed is
/// fixed so a failure reproduces; the failing input is printed.
/// </summary>
public class ParserFuzzTests
{
    private const int Seed = 20261122;
    private const int Iterations = 10_000;

    private static readonly string Fixture =
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Flow", "Fixtures", "kest-compat.flow.md"));

    private const string Small = """
        ```flow
        @flow id=shop
        @threshold p95<200ms
        @var base=http://localhost
        ```

        ## Login

        ```step
        @name Login
        @retry 2
        @max-duration 500
        POST {{base}}/login
        Content-Type: application/json

        {"user": "{{user | default: "admin"}}", "n": {{$randomInt(1,9)}}}

        [Captures]
        - token = data.token

        [Asserts]
        status in [200, 201]  // ok
        body.data.items length == 3
        body.count == {{before}} + 1
        duration < 1s
        ```
        """;

    [Fact]
    public void Never_throws_and_keeps_every_diagnostic_inside_the_file()
    {
        var random = new Random(Seed);
        var mutator = new FlowMutator(random);
        var sources = new[] { Small, Fixture };
        for (var i = 0; i < Iterations; i++)
        {
            var text = mutator.Mutate(sources[i % sources.Length]);
            var (document, diagnostics) = FlowParser.ParseAll("fuzz.flow.md", text);

            Assert.NotNull(document);
            var lines = text.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n');
            foreach (var diagnostic in diagnostics)
            {
                // Messages are built only on failure: building them for every diagnostic would dominate the run.
                if (diagnostic.Code == DiagnosticCodes.InternalError)
                {
                    Assert.Fail($"iteration {i}: {diagnostic.Message}\n{text}");
                }

                if (!IsInside(diagnostic.Span, lines))
                {
                    Assert.Fail($"iteration {i}: {diagnostic.Span} ({diagnostic.Code}) is outside the file\n{text}");
                }

                Assert.StartsWith("fuzz.flow.md:", DiagnosticRenderer.Render(diagnostic, text), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Parse_returns_a_result_for_hostile_inputs()
    {
        string[] inputs =
        [
            "```", "```kest", "```kest\n```", "```kest\n\n```", "~~~~~~~~kest\n", "{{", "}}}}{{{{",
            "```kest\nGET {{\n```", "```kest\nGET /x\n[Asserts]\n\"\n```", new string('`', 10_000),
            "```kest\nGET /x\n[Asserts]\nbody" + string.Concat(Enumerable.Repeat("[0]", 5000)) + " exists\n```",
            "```kest\nPOST /x\nContent-Type: application/json\n\n" + new string('[', 5000) + "\n```",
        ];

        foreach (var input in inputs)
        {
            var result = FlowParser.Parse("hostile.flow.md", input);

            Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.InternalError);
        }
    }

    private static bool IsInside(SourceSpan span, string[] lines) =>
        span.Line >= 1
        && span.Line <= lines.Length
        && span.Column >= 1
        && span.Column <= lines[span.Line - 1].Length + 1
        && span.Length >= 0
        && span.Column - 1 + span.Length <= lines[span.Line - 1].Length + 1;
}
