using Pacer.Core.Flow;
using Pacer.Core.Flow.Syntax;
using Xunit;
using static Pacer.Core.Tests.Flow.Parsing;

namespace Pacer.Core.Tests.Flow;

/// <summary>Assertions kest silently failed at run time are rejected before the run, at their column.</summary>
public class AssertionDiagnosticsTests
{
    /// <summary>The assertion sits on line 5, column 1 of the generated file.</summary>
    private static Diagnostic ErrorFor(string assertion) =>
        Assert.Single(Diagnostics($"```kest\nGET /x\n\n[Asserts]\n{assertion}\n```\n"));

    [Fact]
    public void Triple_equals_is_rejected_at_its_column_with_a_suggestion()
    {
        var diagnostic = ErrorFor("status === 200");

        AssertAt(diagnostic, DiagnosticCodes.InvalidAssertion, 5, 8);
        Assert.Equal(3, diagnostic.Span.Length);
        Assert.Equal("==", diagnostic.Suggestion);
    }

    [Fact]
    public void Missing_value_is_reported_after_the_operator()
    {
        var diagnostic = ErrorFor("status ==");

        AssertAt(diagnostic, DiagnosticCodes.InvalidAssertion, 5, 10);
        Assert.Contains("expected a value after `==`", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_operator_word_is_reported_with_the_closest_operator()
    {
        var diagnostic = ErrorFor("body.x wobbles 3");
        var typo = ErrorFor("body.x contians \"a\"");

        AssertAt(diagnostic, DiagnosticCodes.InvalidAssertion, 5, 8);
        Assert.Contains("`wobbles`", diagnostic.Message, StringComparison.Ordinal);
        AssertAt(typo, DiagnosticCodes.InvalidAssertion, 5, 8);
        Assert.Equal("contains", typo.Suggestion);
    }

    [Fact]
    public void Missing_operator_is_reported()
    {
        var diagnostic = ErrorFor("body.x");

        AssertAt(diagnostic, DiagnosticCodes.InvalidAssertion, 5, 7);
    }

    [Fact]
    public void Unquoted_text_is_rejected_with_a_quoted_suggestion()
    {
        var diagnostic = ErrorFor("body.state == active");

        AssertAt(diagnostic, DiagnosticCodes.InvalidAssertion, 5, 15);
        Assert.Equal("\"active\"", diagnostic.Suggestion);
    }

    [Fact]
    public void Trailing_text_is_rejected_at_its_column()
    {
        var diagnostic = ErrorFor("status == 200 201");

        AssertAt(diagnostic, DiagnosticCodes.InvalidAssertion, 5, 15);
    }

    [Fact]
    public void Invalid_regex_is_rejected()
    {
        var diagnostic = ErrorFor("body.name matches \"[a-\"");

        AssertAt(diagnostic, DiagnosticCodes.InvalidRegex, 5, 19);
    }

    [Fact]
    public void Unknown_type_name_is_rejected_with_a_suggestion()
    {
        var diagnostic = ErrorFor("body.items is arry");

        AssertAt(diagnostic, DiagnosticCodes.InvalidAssertion, 5, 15);
        Assert.Equal("array", diagnostic.Suggestion);
    }

    [Fact]
    public void In_without_a_list_is_rejected()
    {
        var diagnostic = ErrorFor("status in 200");

        AssertAt(diagnostic, DiagnosticCodes.InvalidAssertion, 5, 11);
    }

    [Fact]
    public void Unclosed_string_is_rejected_at_the_quote()
    {
        var diagnostic = ErrorFor("body.name == \"abc");

        AssertAt(diagnostic, DiagnosticCodes.InvalidAssertion, 5, 14);
    }

    [Fact]
    public void Duration_unit_on_a_non_duration_subject_is_rejected()
    {
        var diagnostic = ErrorFor("body.elapsed < 5s");

        AssertAt(diagnostic, DiagnosticCodes.InvalidAssertion, 5, 16);
    }

    [Fact]
    public void Bad_subject_path_is_reported_as_an_invalid_path()
    {
        var diagnostic = ErrorFor("body.items[x] exists");

        AssertAt(diagnostic, DiagnosticCodes.InvalidPath, 5, 11);
    }

    [Fact]
    public void Not_must_be_followed_by_exists_or_contains()
    {
        var diagnostic = ErrorFor("body.x not equals 3");

        AssertAt(diagnostic, DiagnosticCodes.InvalidAssertion, 5, 8);
    }

    [Fact]
    public void Indented_assertion_is_reported_at_its_own_column()
    {
        var diagnostic = ErrorFor("  - status === 200");

        AssertAt(diagnostic, DiagnosticCodes.InvalidAssertion, 5, 12);
    }
}
