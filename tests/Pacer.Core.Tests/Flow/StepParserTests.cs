using Pacer.Core.Flow;
using Pacer.Core.Flow.Syntax;
using Xunit;
using static Pacer.Core.Tests.Flow.Parsing;

namespace Pacer.Core.Tests.Flow;

public class StepParserTests
{
    [Fact]
    public void Parses_step_block_with_headers_body_captures_and_asserts()
    {
        var step = Step("""
            @name Login
            POST /api/login
            Content-Type: application/json
            Accept: */*

            {"user": "{{username}}", "password": "secret"}

            [Captures]
            token: body.data.token

            [Asserts]
            status == 200
            """);

        Assert.Equal("Login", step.Name);
        Assert.Equal("POST", step.Method);
        Assert.Equal("/api/login", step.Url.Raw);
        Assert.Equal(["Content-Type", "Accept"], step.Headers.Select(h => h.Name));
        Assert.Equal("*/*", step.Headers[1].Value.Raw);
        Assert.Equal("{\"user\": \"{{username}}\", \"password\": \"secret\"}", step.Body!.Raw);
        Assert.Equal(7, step.Body.Span.Line);
        var capture = Assert.Single(step.Captures);
        Assert.Equal("token", capture.Name);
        Assert.Equal(PathRoot.Body, capture.Path.Root);
        Assert.Equal([new PropertySegment("data"), new PropertySegment("token")], capture.Path.Segments);
        var assertion = Assert.Single(step.Assertions);
        Assert.Equal(AssertOperator.Equal, assertion.Operator);
        Assert.Equal(PathRoot.Status, assertion.Subject.Root);
    }
}
