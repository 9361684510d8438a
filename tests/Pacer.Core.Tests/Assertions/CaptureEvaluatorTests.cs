using System.Text.Json.Nodes;
using Pacer.Core.Assertions;
using Pacer.Core.Flow.Syntax;
using Pacer.Core.Tests.Assertions.Support;
using Xunit;

namespace Pacer.Core.Tests.Assertions;

public class CaptureEvaluatorTests
{
    private static CaptureNode Capture(string name, string path) => new(name, Paths.Parse(path), new SourceSpan("f", 1, 1, 1));

    [Fact]
    public void Captures_a_number_keeping_its_type()
    {
        var outcome = CaptureEvaluator.Evaluate(Capture("id", "data.id"), Responses.Json("{\"data\":{\"id\":42}}"));

        Assert.True(outcome.Found);
        Assert.Equal(42, outcome.Value!.GetValue<int>());
        Assert.Null(outcome.Error);
    }

    [Fact]
    public void Captured_value_is_a_deep_clone_detached_from_the_response()
    {
        var response = Responses.Json("{\"data\":{\"user\":{\"n\":1}}}");

        var outcome = CaptureEvaluator.Evaluate(Capture("user", "data.user"), response);
        outcome.Value!["n"] = 2;

        Assert.Null(outcome.Value.Parent);
        Assert.Equal(1, response.Json!["data"]!["user"]!["n"]!.GetValue<int>());
    }

    [Fact]
    public void Captures_json_null_as_found()
    {
        var outcome = CaptureEvaluator.Evaluate(Capture("x", "data.x"), Responses.Json("{\"data\":{\"x\":null}}"));

        Assert.True(outcome.Found);
        Assert.Null(outcome.Value);
    }

    [Fact]
    public void Missing_path_is_not_found_with_where_the_path_stopped()
    {
        var outcome = CaptureEvaluator.Evaluate(Capture("token", "data.token"), Responses.Json("{\"data\":{}}"));

        // Shown after the capture's name and path: `could not capture token (data.token): <this>`.
        Assert.False(outcome.Found);
        Assert.Contains("token", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot capture", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Captures_headers_and_status()
    {
        var response = Responses.Json("{}", status: 201, headers: ("Location", "/orders/9"));

        Assert.Equal("/orders/9", CaptureEvaluator.Evaluate(Capture("loc", "header.location"), response).Value!.GetValue<string>());
        Assert.Equal(201, CaptureEvaluator.Evaluate(Capture("code", "status"), response).Value!.GetValue<int>());
    }

    [Fact]
    public void Captured_object_can_be_stored_in_a_scope_and_read_back()
    {
        var outcome = CaptureEvaluator.Evaluate(Capture("o", "data"), Responses.Json("{\"data\":{\"a\":[1,2]}}"));
        var scope = new Pacer.Core.Templating.VariableScope();

        scope.SetCaptured("o", outcome.Value);

        Assert.True(scope.TryGet("o", out var stored));
        Assert.True(JsonEquality.AreEqual(JsonNode.Parse("{\"a\":[1,2]}"), stored));
    }
}
