using System.Text.Json;
using System.Text.Json.Nodes;
using Pacer.Core.Flow.Syntax;

namespace Pacer.Core.Templating;

/// <summary>
/// What one <c>{{...}}</c> resolved to. <see cref="Value"/> is the typed value; <see cref="DefaultText"/>
/// is set instead when an undefined variable fell back to its <c>| default:</c> text. <see cref="FromText"/>
/// is true when the value came from a source that can only deliver text (command line, environment, flow defaults).
/// </summary>
internal sealed record Placeholder(JsonNode? Value, string? DefaultText, bool FromText)
{
    /// <summary>The text for URLs, headers, plain bodies and the inside of JSON strings.</summary>
    public string Text => DefaultText ?? JsonText.ToPlainText(Value);

    /// <summary>
    /// The JSON for an unquoted position in a JSON body. A default is written text: when it is already
    /// valid JSON (<c>5</c>, <c>true</c>, <c>"x"</c>, <c>{}</c>) it is used as is, otherwise it becomes a JSON string.
    /// A text-sourced string that is exactly a number, boolean or null literal is written as that literal
    /// (<c>--var count=5</c> in <c>{"count": {{count}}}</c> sends 5); captured strings always stay strings.
    /// </summary>
    public string Json
    {
        get
        {
            if (DefaultText is null)
            {
                return JsonText.ToJson(TypedValue);
            }

            return JsonText.TryParseAny(DefaultText, out var parsed, out _)
                ? JsonText.ToJson(parsed)
                : JsonText.ToJson(JsonValue.Create(DefaultText));
        }
    }

    /// <summary>
    /// The value an unquoted placeholder stands for: the variable's own JSON value, except that text from a
    /// text-only source (or a default) that is exactly a JSON scalar literal is read as that scalar.
    /// </summary>
    public JsonNode? TypedValue
    {
        get
        {
            var text = DefaultText ?? (FromText && JsonText.KindOf(Value) == JsonValueKind.String ? Value!.GetValue<string>() : null);
            if (text is null)
            {
                return Value?.DeepClone();
            }

            return JsonText.TryReadScalarLiteral(text, out var literal) ? literal : JsonValue.Create(text);
        }
    }

    public static Placeholder? Resolve(
        Template template, TemplatePart part, VariableScope variables, BuiltInVariables builtIns, out TemplateError? error)
    {
        error = null;
        switch (part)
        {
            case VariablePart variable:
                if (variables.TryGet(variable.Name, out var value, out var source))
                {
                    return new Placeholder(value, null, source != VariableSource.Captured);
                }

                if (variable.DefaultValue is not null)
                {
                    return new Placeholder(null, variable.DefaultValue, FromText: true);
                }

                error = new TemplateError(
                    variable.Name,
                    TemplateSpans.Of(template, part),
                    $"variable '{variable.Name}' is not defined: pass --var {variable.Name}=..., capture it in an earlier step, " +
                    $"or give a default: {{{{{variable.Name} | default: \"...\"}}}}");
                return null;

            case BuiltInPart builtIn:
                var resolved = builtIns.Resolve(builtIn.Name, builtIn.Arguments);
                var isEnvironment = builtIn.Name.Equals("env", StringComparison.OrdinalIgnoreCase);
                if (resolved.Succeeded)
                {
                    // Environment variables are text like --var; $randomString's digits must stay a string.
                    return new Placeholder(resolved.Value, null, FromText: isEnvironment);
                }

                var shownName = isEnvironment && builtIn.Arguments.Count == 1
                    ? $"$env.{builtIn.Arguments[0].Trim()}"
                    : "$" + builtIn.Name;
                error = new TemplateError(shownName, TemplateSpans.Of(template, part), resolved.Error!);
                return null;

            default:
                error = new TemplateError("", TemplateSpans.Of(template, part), $"unsupported template part {part.GetType().Name}");
                return null;
        }
    }
}
