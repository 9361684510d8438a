using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Pacer.Core.Assertions;
using Pacer.Core.Templating;
using Pacer.Core.Tests.Templating.Support;
using Xunit;

namespace Pacer.Core.Tests.Templating;

/// <summary>Properties of JSON body rendering that must hold for every value, not just the examples.</summary>
public class JsonInjectionProperties
{
    private static readonly Config Checks = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static string RenderJson(string raw, JsonNode? value)
    {
        // Captured, so the value keeps exactly its JSON type (text-sourced literals are covered elsewhere).
        var scope = new VariableScope();
        scope.SetCaptured("v", value);
        return TemplateRenderer.RenderBody(Templates.Parse(raw), scope, Scopes.BuiltIns(), isJson: true).Text!;
    }

    [Fact]
    public void Text_injected_inside_a_json_string_yields_valid_json_that_round_trips_the_text()
    {
        Prop.ForAll(JsonGenerators.Texts().ToArbitrary(), text =>
        {
            var body = RenderJson("{\"s\": \"before {{v}} after\"}", JsonValue.Create(text));
            return JsonNode.Parse(body)!["s"]!.GetValue<string>() == $"before {text} after";
        }).Check(Checks);
    }

    [Fact]
    public void Any_value_injected_unquoted_yields_valid_json_equal_to_the_value()
    {
        Prop.ForAll(JsonGenerators.Values(2).ToArbitrary(), value =>
        {
            var body = RenderJson("{\"v\": {{v}}, \"after\": \"{{v}}\"}", value);
            var parsed = JsonNode.Parse(body)!.AsObject();
            return JsonEquality.AreEqual(parsed["v"], value)
                && parsed["after"]!.GetValue<string>() == JsonText.ToPlainText(value);
        }).Check(Checks);
    }

    [Fact]
    public void Text_sourced_strings_injected_unquoted_are_valid_json_and_keep_their_text()
    {
        var literalLooking = Gen.Elements("5", "-1.5e3", "0", "true", "false", "null", "007", "1.", "+1", " 5", "NaN", "\"q\"");
        Prop.ForAll(Gen.OneOf(JsonGenerators.Texts(), literalLooking).ToArbitrary(), text =>
        {
            var body = TemplateRenderer.RenderBody(Templates.Parse("[{{v}}]"), Scopes.WithStrings(("v", text)), Scopes.BuiltIns(), isJson: true).Text!;
            var item = JsonNode.Parse(body)![0];
            return JsonText.TryReadScalarLiteral(text, out var literal)
                ? JsonEquality.AreEqual(item, literal)
                : item!.GetValue<string>() == text;
        }).Check(Checks);
    }

    [Fact]
    public void Plain_text_rendering_of_a_string_variable_is_the_string_itself()
    {
        Prop.ForAll(JsonGenerators.Texts().ToArbitrary(), text =>
            TemplateRenderer.RenderText(Templates.Parse("{{v}}"), Scopes.WithStrings(("v", text)), Scopes.BuiltIns()).Text == text)
            .Check(Checks);
    }
}
