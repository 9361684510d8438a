using System.Text.Json.Nodes;
using Pacer.Core.Flow.Syntax;

namespace Pacer.Core.Templating;

/// <summary>
/// What one <c>{{...}}</c> resolved to. <see cref="Value"/> is the typed value; <see cref="DefaultText"/>
/// is set instead when an undefined variable fell back to its <c>| default:</c> text.
/// </summary>
internal sealed record Placeholder(JsonNode? Value, string? DefaultText)
{
    /// <summary>The text for URLs, headers, plain bodies and the inside of JSON strings.</summary>
    public string Text => DefaultText ?? JsonText.ToPlainText(Value);

    /// <summary>
    /// The JSON for an unquoted position in a JSON body. A default is written text: when it is already
    /// valid JSON (<c>5</c>, <c>true</c>, <c>"x"</c>, <c>{}</c>) it is used as is, otherwise it becomes a JSON string.
    /// </summary>
    public string Json
    {
        get
        {
            if (DefaultText is null)
            {
                return JsonText.ToJson(Value);
            }

            return JsonText.TryParseAny(DefaultText, out var parsed, out _)
                ? JsonText.ToJson(parsed)
                : JsonText.ToJson(JsonValue.Create(DefaultText));
        }
    }

    /// <summary>
    /// The value an unquoted assertion operand sees. A default's text, like a string variable, is read as a
    /// JSON scalar when it is exactly one (see <see cref="TemplateRenderer.RenderValue"/>).
    /// </summary>
    public JsonNode? TypedValue =>
        DefaultText is null ? Value?.DeepClone()
        : JsonText.TryReadScalarLiteral(DefaultText, out var literal) ? literal
        : JsonValue.Create(DefaultText);

    public static Placeholder? Resolve(
        Template template, TemplatePart part, VariableScope variables, BuiltInVariables builtIns, out TemplateError? error)
    {
        error = null;
        switch (part)
        {
            case VariablePart variable:
                if (variables.TryGet(variable.Name, out var value))
                {
                    return new Placeholder(value, null);
                }

                if (variable.DefaultValue is not null)
                {
                    return new Placeholder(null, variable.DefaultValue);
                }

                error = new TemplateError(
                    variable.Name,
                    TemplateSpans.Of(template, part),
                    $"variable '{variable.Name}' is not defined: pass --var {variable.Name}=..., capture it in an earlier step, " +
                    $"or give a default: {{{{{variable.Name} | default: \"...\"}}}}");
                return null;

            case BuiltInPart builtIn:
                var resolved = builtIns.Resolve(builtIn.Name, builtIn.Arguments);
                if (resolved.Succeeded)
                {
                    return new Placeholder(resolved.Value, null);
                }

                var shownName = builtIn.Name.Equals("env", StringComparison.OrdinalIgnoreCase) && builtIn.Arguments.Count == 1
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
