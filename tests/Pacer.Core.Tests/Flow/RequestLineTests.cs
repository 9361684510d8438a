using Pacer.Core.Flow;
using Pacer.Core.Flow.Syntax;
using Xunit;
using static Pacer.Core.Tests.Flow.Parsing;

namespace Pacer.Core.Tests.Flow;

public class RequestLineTests
{
    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    [InlineData("OPTIONS")]
    [InlineData("get")]
    public void Accepts_every_method(string method)
    {
        Assert.Equal(method.ToUpperInvariant(), Step($"{method} https://api.example.com/x").Method);
    }

    [Fact]
    public void Url_keeps_templates_and_drops_the_http_version()
    {
        var step = Step("GET {{base}}/users/{{id}} HTTP/1.1");

        Assert.Equal("{{base}}/users/{{id}}", step.Url.Raw);
        Assert.Equal((2, 5), (step.Url.Span.Line, step.Url.Span.Column));
        Assert.Equal(["base", "id"], step.Url.VariableNames);
    }

    [Fact]
    public void Unknown_method_is_reported_with_a_suggestion()
    {
        var typo = Assert.Single(Diagnostics("```kest\nGTE /x\n```\n"));
        var unknown = Assert.Single(Diagnostics("```kest\nGRAB /x\n```\n"));

        AssertAt(typo, DiagnosticCodes.UnknownMethod, 2, 1);
        Assert.Equal("GET", typo.Suggestion);
        AssertAt(unknown, DiagnosticCodes.UnknownMethod, 2, 1);
        Assert.Equal(4, unknown.Span.Length);
    }

    [Fact]
    public void Missing_url_is_reported_after_the_method()
    {
        var diagnostic = Assert.Single(Diagnostics("```kest\nPOST\n```\n"));

        AssertAt(diagnostic, DiagnosticCodes.MissingUrl, 2, 5);
    }

    [Fact]
    public void Url_without_method_suggests_get()
    {
        var diagnostic = Assert.Single(Diagnostics("```kest\n/users\n```\n"));

        AssertAt(diagnostic, DiagnosticCodes.MissingRequestLine, 2, 1);
        Assert.Equal("GET /users", diagnostic.Suggestion);
    }
}
