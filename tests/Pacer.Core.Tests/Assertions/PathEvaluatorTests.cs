using System.Text.Json;
using Pacer.Core.Assertions;
using Pacer.Core.Flow.Syntax;
using Pacer.Core.Templating;
using Pacer.Core.Tests.Assertions.Support;
using Xunit;

namespace Pacer.Core.Tests.Assertions;

public class PathEvaluatorTests
{
    private const string Body = """
        {"data": {"id": 7, "name": "Ann", "nothing": null, "items": [{"id": 1}, {"id": 2}, {"id": 3}],
         "meta": {"length": 99}, "Case": "upper", "empty": []}}
        """;

    private static PathLookup Read(string path, string body = Body) => PathEvaluator.Evaluate(Paths.Parse(path), Responses.Json(body));

    private static string Json(PathLookup lookup) => JsonText.ToJson(lookup.Value);

    [Fact]
    public void Status_is_a_number()
    {
        var lookup = PathEvaluator.Evaluate(Paths.Parse("status"), Responses.Json("{}", status: 201));

        Assert.True(lookup.Found);
        Assert.Equal(JsonValueKind.Number, lookup.Value!.GetValueKind());
        Assert.Equal("201", Json(lookup));
    }

    [Fact]
    public void Duration_is_milliseconds_as_a_number()
    {
        var lookup = PathEvaluator.Evaluate(Paths.Parse("duration"), Responses.Json("{}", durationMs: 12.5));

        Assert.Equal(12.5, lookup.Value!.GetValue<double>());
    }

    [Fact]
    public void Header_is_found_by_case_insensitive_name_as_a_string()
    {
        var response = Responses.Json("{}", headers: ("X-Request-Id", "abc-1"));

        Assert.Equal("abc-1", PathEvaluator.Evaluate(Paths.Parse("header.x-request-id"), response).Value!.GetValue<string>());
    }

    [Fact]
    public void Missing_header_is_not_found()
    {
        var lookup = PathEvaluator.Evaluate(Paths.Parse("header.X-Nope"), Responses.Json("{}"));

        Assert.False(lookup.Found);
        Assert.Contains("no header 'X-Nope'", lookup.MissingReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Body_root_is_the_parsed_json()
    {
        Assert.Equal(JsonValueKind.Object, Read("body").Value!.GetValueKind());
    }

    [Fact]
    public void Body_root_of_a_non_json_body_is_the_text_as_a_string()
    {
        var lookup = PathEvaluator.Evaluate(Paths.Parse("body"), Responses.Text("hello <b>"));

        Assert.Equal("hello <b>", lookup.Value!.GetValue<string>());
    }

    [Fact]
    public void Nested_properties_and_indexes_are_followed()
    {
        Assert.Equal("2", Json(Read("body.data.items[1].id")));
        Assert.Equal("\"Ann\"", Json(Read("data.name")));
    }

    [Fact]
    public void Negative_index_counts_from_the_end()
    {
        Assert.Equal("3", Json(Read("data.items[-1].id")));
        Assert.Equal("1", Json(Read("data.items[-3].id")));
        Assert.False(Read("data.items[-4]").Found);
    }

    [Fact]
    public void Index_past_the_end_is_not_found_and_says_why()
    {
        var lookup = Read("data.items[3]");

        Assert.False(lookup.Found);
        Assert.Contains("3 item(s)", lookup.MissingReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Digit_property_on_an_array_is_an_index_as_kest_writes_it()
    {
        Assert.Equal("1", Json(Read("data.items.0.id")));
    }

    [Fact]
    public void Property_names_match_case_sensitively()
    {
        Assert.True(Read("data.Case").Found);
        Assert.False(Read("data.case").Found);
        Assert.False(Read("data.NAME").Found);
    }

    [Fact]
    public void Json_null_is_found_and_distinct_from_missing()
    {
        var nothing = Read("data.nothing");
        var missing = Read("data.absent");

        Assert.True(nothing.Found);
        Assert.Null(nothing.Value);
        Assert.False(missing.Found);
        Assert.Contains("no property 'absent'", missing.MissingReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Walking_through_null_or_a_scalar_is_not_found()
    {
        Assert.False(Read("data.nothing.x").Found);
        Assert.Contains("is a number", Read("data.id.x").MissingReason, StringComparison.Ordinal);
        Assert.False(Read("data.name[0]").Found);
    }

    [Theory]
    [InlineData("data.items.length", "3")]
    [InlineData("data.empty.length", "0")]
    [InlineData("data.name.length", "3")]
    [InlineData("data.items[0].length", "1")]
    [InlineData("data.meta.length", "99")]
    public void Length_property_reads_a_real_length_key_else_counts(string path, string expected)
    {
        Assert.Equal(expected, Json(Read(path)));
    }

    [Fact]
    public void Length_segment_always_counts_even_when_a_length_key_exists()
    {
        Assert.Equal("1", Json(Read("data.meta length")));
        Assert.Equal("3", Json(Read("data.items length")));
    }

    [Fact]
    public void Length_of_a_number_or_null_is_not_found()
    {
        Assert.False(Read("data.id length").Found);
        Assert.False(Read("data.nothing.length").Found);
    }

    [Fact]
    public void Header_length_counts_characters()
    {
        var response = Responses.Json("{}", headers: ("X-Id", "abcd"));

        Assert.Equal("4", JsonText.ToJson(PathEvaluator.Evaluate(Paths.Parse("header.X-Id length"), response).Value));
    }

    [Fact]
    public void Body_with_duplicate_keys_is_reported_not_thrown()
    {
        var exception = Record.Exception(() => Read("data.a", "{\"data\": {\"a\": 1, \"a\": 2}}"));

        Assert.Null(exception);
    }

    [Fact]
    public void Empty_body_root_is_an_empty_string_and_has_no_properties()
    {
        var response = Responses.Text("");

        Assert.Equal("", PathEvaluator.Evaluate(Paths.Parse("body"), response).Value!.GetValue<string>());
        Assert.False(PathEvaluator.Evaluate(new ValuePath(PathRoot.Body, null, [new PropertySegment("id")], "body.id"), response).Found);
    }
}
