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

    /// <summary>Well-formed text, biased towards the characters JSON must escape.</summary>
    private static Gen<string> Texts()
    {
        var tricky = Gen.Elements("\"", "\\", "\n", "\r", "\t", "\b", "\f", "\u0000", "\u001f", "\u007f", "/", "{{", "}}", "é", "😀", "\u2028", " ");
        var plain = Gen.Choose(0x20, 0xD7FF).Select(c => ((char)c).ToString());
        return Gen.Frequency((1, tricky), (2, plain)).ArrayOf().Select(parts => string.Concat(parts));
    }

    /// <summary>Arbitrary JSON trees a capture could hold: scalars, nested arrays and objects.</summary>
    private static Gen<JsonNode?> JsonValues(int depth)
    {
        var scalars = Gen.OneOf(
            Gen.Choose(int.MinValue, int.MaxValue).Select(i => (JsonNode?)JsonValue.Create(i)),
            Gen.Choose(-1_000_000, 1_000_000).Select(i => (JsonNode?)JsonValue.Create(i / 1000m)),
            Gen.Elements<JsonNode?>(JsonValue.Create(true), JsonValue.Create(false), null),
            Texts().Select(s => (JsonNode?)JsonValue.Create(s)));
        if (depth == 0)
        {
            return scalars;
        }

        var children = JsonValues(depth - 1);
        var arrays = children.ListOf().Select(items => (JsonNode?)new JsonArray([.. items.Select(i => i?.DeepClone())]));
        var objects = Gen.Zip(Texts(), children).ListOf().Select(pairs =>
        {
            var obj = new JsonObject();
            foreach (var (key, value) in pairs)
            {
                obj[key] = value?.DeepClone();
            }

            return (JsonNode?)obj;
        });
        return Gen.Frequency((4, scalars), (1, arrays), (1, objects));
    }

    private static string RenderJson(string raw, JsonNode? value)
    {
        var scope = new VariableScope(overrides: new Dictionary<string, JsonNode?> { ["v"] = value });
        return TemplateRenderer.RenderBody(Templates.Parse(raw), scope, Scopes.BuiltIns(), isJson: true).Text!;
    }

    [Fact]
    public void Text_injected_inside_a_json_string_yields_valid_json_that_round_trips_the_text()
    {
        Prop.ForAll(Texts().ToArbitrary(), text =>
        {
            var body = RenderJson("{\"s\": \"before {{v}} after\"}", JsonValue.Create(text));
            return JsonNode.Parse(body)!["s"]!.GetValue<string>() == $"before {text} after";
        }).Check(Checks);
    }

    [Fact]
    public void Any_value_injected_unquoted_yields_valid_json_equal_to_the_value()
    {
        Prop.ForAll(JsonValues(2).ToArbitrary(), value =>
        {
            var body = RenderJson("{\"v\": {{v}}, \"after\": \"{{v}}\"}", value);
            var parsed = JsonNode.Parse(body)!.AsObject();
            return JsonEquality.AreEqual(parsed["v"], value)
                && parsed["after"]!.GetValue<string>() == JsonText.ToPlainText(value);
        }).Check(Checks);
    }

    [Fact]
    public void Plain_text_rendering_of_a_string_variable_is_the_string_itself()
    {
        Prop.ForAll(Texts().ToArbitrary(), text =>
            TemplateRenderer.RenderText(Templates.Parse("{{v}}"), Scopes.WithStrings(("v", text)), Scopes.BuiltIns()).Text == text)
            .Check(Checks);
    }
}
