using Pacer.Core.Flow;
using Pacer.Core.Flow.Syntax;
using Xunit;
using static Pacer.Core.Tests.Flow.Parsing;

namespace Pacer.Core.Tests.Flow;

/// <summary>A relative URL with nowhere to go is found before the run, once per file (PACER028).</summary>
public class BaseUrlCheckerTests
{
    private const string TwoRelativeSteps = "```kest\nGET https://api.example.com/health\n```\n\n```kest\nGET /users\n```\n\n```kest\nGET /orders\n```\n";

    [Fact]
    public void The_first_relative_step_is_reported_at_its_url_with_what_to_do()
    {
        var diagnostic = BaseUrlChecker.Check(Parse(TwoRelativeSteps), baseUrlGiven: false, []);

        Assert.NotNull(diagnostic);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        AssertAt(diagnostic, DiagnosticCodes.MissingBaseUrl, 6, 5);
        Assert.Equal("/users".Length, diagnostic.Span.Length);
        Assert.Contains("--base-url", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("1 more step", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_base_url_from_the_command_line_or_the_environment_is_enough()
    {
        Assert.Null(BaseUrlChecker.Check(Parse(TwoRelativeSteps), baseUrlGiven: true, []));
    }

    [Theory]
    [InlineData("base_url")]
    [InlineData("baseUrl")]
    public void A_base_url_variable_known_before_the_run_is_enough(string name)
    {
        Assert.Null(BaseUrlChecker.Check(Parse(TwoRelativeSteps), baseUrlGiven: false, [name]));
    }

    [Fact]
    public void A_flow_default_or_an_earlier_capture_is_enough_for_the_steps_after_it()
    {
        var withDefault = Parse("```flow\n@var base_url=http://127.0.0.1:1\n```\n\n```kest\nGET /users\n```\n");
        var captured = Parse("```kest\nGET https://directory.example.com/\n\n[Captures]\nbase_url: data.api\n```\n\n```kest\nGET /users\n```\n");

        Assert.Null(BaseUrlChecker.Check(withDefault, baseUrlGiven: false, []));
        Assert.Null(BaseUrlChecker.Check(captured, baseUrlGiven: false, []));
    }

    [Theory]
    [InlineData("GET http://127.0.0.1:1/users")]
    [InlineData("GET HTTPS://example.com/")]
    [InlineData("GET {{host}}/users")]
    [InlineData("GET http{{secure}}://example.com/")]
    public void Absolute_urls_and_urls_starting_with_a_placeholder_are_left_to_the_run(string requestLine)
    {
        Assert.Null(BaseUrlChecker.Check(Parse($"```kest\n{requestLine}\n```\n"), baseUrlGiven: false, ["host", "secure"]));
    }
}
