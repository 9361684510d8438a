using Pacer.Core.Flow;
using Pacer.Core.Flow.Syntax;
using Xunit;
using static Pacer.Core.Tests.Flow.Parsing;

namespace Pacer.Core.Tests.Flow;

public class CaptureTests
{
    [Theory]
    [InlineData("token: body.data.token")]
    [InlineData("token = data.token")]
    [InlineData("- token = data.token")]
    [InlineData("- token: body.data.token  // from the login response")]
    public void Reads_captures_in_every_kest_spelling(string line)
    {
        var capture = Assert.Single(Step($"GET /x\n[Captures]\n{line}").Captures);

        Assert.Equal("token", capture.Name);
        Assert.Equal([new PropertySegment("data"), new PropertySegment("token")], capture.Path.Segments);
    }

    [Fact]
    public void Captures_headers_and_status()
    {
        var captures = Step("GET /x\n[Captures]\nlocation: header.Location\ncode = status").Captures;

        Assert.Equal(("Location", PathRoot.Status), (captures[0].Path.HeaderName, captures[1].Path.Root));
    }

    [Theory]
    [InlineData("out: $stdout")]
    [InlineData("first = $line.1")]
    public void Exec_captures_are_reported_as_not_supported_yet(string line)
    {
        var diagnostic = Assert.Single(Diagnostics($"```kest\nGET /x\n[Captures]\n{line}\n```\n"));

        Assert.Equal(DiagnosticCodes.UnsupportedCapture, diagnostic.Code);
        Assert.Equal(4, diagnostic.Span.Line);
        Assert.Contains("not supported yet", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_capture_is_reported()
    {
        var diagnostic = Assert.Single(Diagnostics("```kest\nGET /x\n[Captures]\n  just a sentence\n```\n"));

        AssertAt(diagnostic, DiagnosticCodes.MalformedCapture, 4, 3);
    }
}
