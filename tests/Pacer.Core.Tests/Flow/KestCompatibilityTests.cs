using Pacer.Core.Flow;
using Pacer.Core.Flow.Syntax;
using Xunit;

namespace Pacer.Core.Tests.Flow;

/// <summary>The fixture holds every construct listed in shared/kest-compat.md, as real kest files write it.</summary>
public class KestCompatibilityTests
{
    private static readonly string FixturePath = Path.Combine(AppContext.BaseDirectory, "Flow", "Fixtures", "kest-compat.flow.md");

    private static (ParseResult Result, string Text) ParseFixture()
    {
        var text = File.ReadAllText(FixturePath);
        return (FlowParser.Parse(FixturePath, text), text);
    }

    [Fact]
    public void Parses_every_kest_construct_without_errors_or_warnings()
    {
        var (result, text) = ParseFixture();

        Assert.True(
            result.Diagnostics.Count == 0,
            string.Join('\n', result.Diagnostics.Select(d => DiagnosticRenderer.Render(d, text))));
        Assert.NotNull(result.Document);
    }

    [Fact]
    public void Finds_only_the_executable_blocks_in_file_order()
    {
        var document = ParseFixture().Result.Document!;

        Assert.Equal(
            ["POST /api/register", "POST /api/login", "GET /api/projects/{{project_id}}?ts={{$unixMs}}&ms={{$timestampMs}}", "GET /api/count", "POST /api/count", "POST /api/legacy"],
            document.Steps.Select(s => $"{s.Method} {s.Url.Raw}"));
        Assert.Equal(["Register a user", "Login", "Login", "Login", "Login", "Login"], document.Steps.Select(s => s.Name));
    }

    [Fact]
    public void Reads_the_flow_metadata()
    {
        var metadata = ParseFixture().Result.Document!.Metadata;

        Assert.Equal("kest-compat", metadata.Id);
        Assert.Equal("Kest compatibility", metadata.Name);
        Assert.Equal("1.0", metadata.Version);
        Assert.Equal(["compat", "kest"], metadata.Tags);
        Assert.Equal("local", metadata.Env);
    }

    [Fact]
    public void Reads_kest_captures_with_and_without_prefixes()
    {
        var steps = ParseFixture().Result.Document!.Steps;

        Assert.Equal(["registered_username", "project_id", "request_id"], steps[0].Captures.Select(c => c.Name));
        Assert.Equal(
            [new PropertySegment("data"), new PropertySegment("headers"), new PropertySegment("X-Request-Id")],
            steps[0].Captures[2].Path.Segments);
        Assert.Equal(["token", "user_id"], steps[1].Captures.Select(c => c.Name));
    }

    [Fact]
    public void Soft_asserts_are_marked_soft_and_data_section_is_the_body()
    {
        var steps = ParseFixture().Result.Document!.Steps;

        Assert.True(steps[2].Assertions[^1].IsSoft);
        Assert.All(steps[2].Assertions.SkipLast(1), a => Assert.False(a.IsSoft));
        Assert.Equal("{\"increment\": 1}", steps[4].Body!.Raw);
        Assert.IsType<ArithmeticOperand>(steps[4].Assertions[0].Expected);
    }

    [Fact]
    public void Every_variable_in_the_fixture_is_defined_by_a_capture_or_a_default()
    {
        var document = ParseFixture().Result.Document!;

        Assert.Empty(VariableUsageChecker.Check(document, []));
    }
}
