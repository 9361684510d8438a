using System.Text.Json.Nodes;
using Pacer.Core.Assertions;
using Pacer.Core.Flow.Syntax;
using Pacer.Core.Templating;
using Pacer.Core.Tests.Assertions.Support;
using Pacer.Core.Tests.Templating.Support;
using Xunit;
using static Pacer.Core.Tests.Assertions.Support.Asserts;

namespace Pacer.Core.Tests.Assertions;

/// <summary>The evaluation layer end to end, as a runner drives it: capture, render the next request, assert.</summary>
public class CaptureToAssertionFlowTests
{
    [Fact]
    public void Captured_values_flow_into_the_next_body_and_assertions_with_their_types()
    {
        var scope = new VariableScope(overrides: new Dictionary<string, JsonNode?> { ["qty"] = "2" });
        var created = Responses.Json("""{"data": {"id": 17, "sku": "A-1", "count": 4}}""", status: 201);
        foreach (var (name, path) in new[] { ("order_id", "data.id"), ("sku", "data.sku"), ("before", "data.count") })
        {
            var capture = CaptureEvaluator.Evaluate(new CaptureNode(name, Paths.Parse(path), SourceSpan.None), created);
            Assert.True(capture.Found, capture.Error);
            scope.SetCaptured(name, capture.Value);
        }

        var body = TemplateRenderer.RenderBody(
            Templates.Parse("""{"orderId": {{order_id}}, "note": "sku {{sku}} x{{qty}}", "qty": {{qty}}}"""), scope, Scopes.BuiltIns(), isJson: true);
        var sent = JsonNode.Parse(body.Text!)!;
        Assert.True(JsonEquality.AreEqual(JsonNode.Parse("""{"orderId": 17, "note": "sku A-1 x2", "qty": 2}"""), sent));

        var next = Responses.Json("""{"data": {"id": 17, "count": 5, "sku": "A-1"}}""");
        var outcomes = new[]
        {
            Evaluate(Node("data.id", AssertOperator.Equal, Tpl("{{order_id}}")), next, scope),
            Evaluate(Node("data.count", AssertOperator.Equal, Arith(Tpl("{{before}}"), '+', Lit("1"))), next, scope),
            Evaluate(Node("data.sku", AssertOperator.Equal, Tpl("{{sku}}", quoted: true)), next, scope),
            Evaluate(Node("status", AssertOperator.In, List(Lit("200"), Lit("201"))), next, scope),
        };

        Assert.All(outcomes, o => Assert.True(o.Passed, o.Message));
    }
}
