using Pacer.Cli.Input;
using Pacer.Core.Http;
using Xunit;

namespace Pacer.Cli.Tests.Units;

public sealed class InputParsingTests
{
    [Theory]
    [InlineData("/users", "http://h/api/v1", "http://h/api/v1/users")]
    [InlineData("users", "http://h/api/v1/", "http://h/api/v1/users")]
    [InlineData("/users", "http://h/api/v1/", "http://h/api/v1/users")]
    [InlineData("?q=1", "http://h/x", "http://h/x?q=1")]
    [InlineData("https://other/x", "http://h", "https://other/x")]
    [InlineData("", "http://h/x", "http://h/x")]
    public void Relative_urls_are_appended_to_the_base_url(string url, string baseUrl, string expected)
    {
        Assert.Equal(expected, UrlResolver.Resolve(url, baseUrl));
    }

    [Fact]
    public void Relative_url_without_base_cannot_be_resolved()
    {
        Assert.Null(UrlResolver.Resolve("/x", null));
    }

    [Theory]
    [InlineData("http://h/x", "http://h/x?a=1&b=two%20words")]
    [InlineData("http://h/x?z=0", "http://h/x?z=0&a=1&b=two%20words")]
    [InlineData("http://h/x#top", "http://h/x?a=1&b=two%20words#top")]
    public void Queries_are_escaped_and_appended(string url, string expected)
    {
        Assert.Equal(expected, UrlResolver.AppendQuery(url, [new("a", "1"), new("b", "two words")]));
    }

    [Fact]
    public void Var_arguments_split_at_the_first_equals_and_later_ones_win()
    {
        var vars = VariableArguments.Parse(["a=1", "b=x=y", "a=2", "empty="], out var error)!;

        Assert.Null(error);
        Assert.Equal("2", vars["a"]!.GetValue<string>());
        Assert.Equal("x=y", vars["b"]!.GetValue<string>());
        Assert.Equal("", vars["empty"]!.GetValue<string>());
    }

    [Fact]
    public void Var_argument_without_equals_is_an_error()
    {
        Assert.Null(VariableArguments.Parse(["oops"], out var error));
        Assert.Contains("name=value", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_bodies_are_recognised_by_content_type_or_first_character()
    {
        Assert.True(RequestBuilder.IsJsonMediaType("application/problem+json"));
        Assert.False(RequestBuilder.IsJsonMediaType("text/plain"));
        Assert.True(RequestBuilder.LooksLikeJson("  {\"id\": {{id}}}"));
        Assert.True(RequestBuilder.LooksLikeJson("[1]"));
        Assert.False(RequestBuilder.LooksLikeJson("name=value"));
    }
}
