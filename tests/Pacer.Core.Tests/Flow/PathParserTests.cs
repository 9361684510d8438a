using Pacer.Core.Flow;
using Pacer.Core.Flow.Syntax;
using Xunit;
using static Pacer.Core.Tests.Flow.Parsing;

namespace Pacer.Core.Tests.Flow;

public class PathParserTests
{
    private static ValuePath Capture(string path) => Assert.Single(Step($"GET /x\n[Captures]\nv: {path}").Captures).Path;

    [Fact]
    public void Status_and_duration_are_their_own_roots()
    {
        Assert.Equal(new ValuePath(PathRoot.Status, null, [], "status"), Capture("status") with { Segments = [] });
        Assert.Equal(PathRoot.Duration, Capture("duration").Root);
    }

    [Theory]
    [InlineData("header.Content-Type", "Content-Type")]
    [InlineData("headers.X-Request-Id", "X-Request-Id")]
    [InlineData("Header.location", "location")]
    public void Header_paths_keep_the_name(string text, string name)
    {
        var path = Capture(text);

        Assert.Equal(PathRoot.Header, path.Root);
        Assert.Equal(name, path.HeaderName);
    }

    [Fact]
    public void Body_path_reads_properties_and_indexes()
    {
        var path = Capture("body.a.b[0].c");

        Assert.Equal(PathRoot.Body, path.Root);
        Assert.Equal([new PropertySegment("a"), new PropertySegment("b"), new IndexSegment(0), new PropertySegment("c")], path.Segments);
        Assert.Equal("body.a.b[0].c", path.Text);
    }

    [Fact]
    public void Bare_path_means_body()
    {
        var path = Capture("data.id");

        Assert.Equal(PathRoot.Body, path.Root);
        Assert.Equal([new PropertySegment("data"), new PropertySegment("id")], path.Segments);
    }

    [Fact]
    public void Body_alone_is_the_whole_body()
    {
        var path = Capture("body");

        Assert.Equal(PathRoot.Body, path.Root);
        Assert.Empty(path.Segments);
    }

    [Fact]
    public void Leading_dot_length_reads_the_body_length()
    {
        Assert.Equal([new PropertySegment("length")], Capture(".length").Segments);
    }

    [Fact]
    public void Quoted_keys_and_hyphens_are_property_names()
    {
        Assert.Equal(
            [new PropertySegment("data"), new PropertySegment("full name"), new PropertySegment("X-Request-Id")],
            Capture("body.data[\"full name\"].X-Request-Id").Segments);
    }

    [Fact]
    public void Top_level_index_reads_an_array_body()
    {
        Assert.Equal([new IndexSegment(2), new PropertySegment("id")], Capture("body[2].id").Segments);
    }

    [Theory]
    [InlineData("body.a..b", 3, 10)]
    [InlineData("body.a[x]", 3, 10)]
    [InlineData("body.a[0", 3, 10)]
    [InlineData("header.", 3, 11)]
    public void Broken_paths_are_reported_at_their_column(string text, int line, int column)
    {
        var diagnostic = Assert.Single(Diagnostics($"```kest\nGET /x\n[Captures]\nv: {text}\n```\n"));

        AssertAt(diagnostic, DiagnosticCodes.InvalidPath, line + 1, column);
    }
}
