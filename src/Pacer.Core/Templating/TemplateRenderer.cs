using System.Text;
using System.Text.Json.Nodes;
using Pacer.Core.Flow.Syntax;

namespace Pacer.Core.Templating;

/// <summary>Why a template could not be rendered: the variable and where it was used.</summary>
public sealed record TemplateError(string VariableName, SourceSpan Span, string Message);

public sealed record TemplateResult(string? Text, TemplateError? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>A template read as one typed JSON value (for unquoted assertion operands), or why it could not be.</summary>
public sealed record TemplateValueResult(JsonNode? Value, TemplateError? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// Turns templates into text with variables and built-ins substituted. Each call resolves every
/// placeholder afresh: two <c>{{$uuid}}</c> in one template get two different values, and a step is
/// rendered once per execution, so a retried or repeated step gets new values too.
/// An undefined variable without a default is an error, never an empty string, except inside a JSON
/// string value that holds escaped JSON (a template stored for later), where it is sent as written, as
/// kest does (<see cref="JsonStringPlaceholders"/>).
/// </summary>
public static class TemplateRenderer
{
    /// <summary>For URLs, header and query values: every placeholder becomes its text.</summary>
    public static TemplateResult RenderText(Template template, VariableScope variables, BuiltInVariables builtIns) =>
        Render(template, variables, builtIns, isJson: false);

    /// <summary>
    /// For request bodies. When <paramref name="isJson"/>, a placeholder standing unquoted keeps
    /// its variable's JSON type (numbers, objects), and one inside a JSON string is escaped.
    /// </summary>
    public static TemplateResult RenderBody(Template template, VariableScope variables, BuiltInVariables builtIns, bool isJson) =>
        Render(template, variables, builtIns, isJson);

    /// <summary>
    /// A template as one typed value, as an unquoted assertion operand (<c>== {{id}}</c>) needs it. A template
    /// that is a single placeholder yields that value itself: a captured value keeps its JSON type exactly (a
    /// captured string "42" stays a string). A string from a text-only source (<c>--var id=42</c>, environment,
    /// flow defaults, <c>$env.NAME</c>, <c>| default: 42</c>) that is exactly a JSON number, boolean or null literal
    /// is read as that value, because those sources cannot deliver anything but text and the author wrote the
    /// placeholder unquoted, i.e. asked for a JSON value. Mixed templates (<c>{{a}}-{{b}}</c>) render to text,
    /// which is read the same way.
    /// </summary>
    public static TemplateValueResult RenderValue(Template template, VariableScope variables, BuiltInVariables builtIns)
    {
        if (template.Parts.Count == 1 && template.Parts[0] is VariablePart or BuiltInPart)
        {
            var placeholder = Placeholder.Resolve(template, template.Parts[0], variables, builtIns, out var error);
            return placeholder is null
                ? new TemplateValueResult(null, error)
                : new TemplateValueResult(placeholder.TypedValue, null);
        }

        var text = RenderText(template, variables, builtIns);
        if (!text.Succeeded)
        {
            return new TemplateValueResult(null, text.Error);
        }

        return JsonText.TryReadScalarLiteral(text.Text!, out var literal)
            ? new TemplateValueResult(literal, null)
            : new TemplateValueResult(JsonValue.Create(text.Text), null);
    }

    private static TemplateResult Render(Template template, VariableScope variables, BuiltInVariables builtIns, bool isJson)
    {
        var builder = new StringBuilder(template.Raw.Length);
        var json = default(JsonStringState);
        IReadOnlySet<VariablePart>? keptAsWritten = null;
        foreach (var part in template.Parts)
        {
            if (part is LiteralPart literal)
            {
                builder.Append(literal.Text);
                json.Advance(literal.Text);
                continue;
            }

            if (isJson && json.InString && part is VariablePart { DefaultValue: null } variable && !variables.IsDefined(variable.Name)
                && (keptAsWritten ??= JsonStringPlaceholders.InEscapedJson(template)).Contains(variable))
            {
                // kest's rule in a JSON string holding escaped JSON (a template stored for later): the
                // placeholder is sent as written. VariableUsageChecker warned about it (PACER027) before the run.
                builder.Append(template.Raw, part.Offset, part.Length);
                json.AfterPlaceholder();
                continue;
            }

            var placeholder = Placeholder.Resolve(template, part, variables, builtIns, out var error);
            if (placeholder is null)
            {
                return new TemplateResult(null, error);
            }

            if (!isJson)
            {
                builder.Append(placeholder.Text);
            }
            else if (json.InString)
            {
                builder.Append(JsonText.EscapeForJsonString(placeholder.Text));
                json.AfterPlaceholder();
            }
            else
            {
                builder.Append(placeholder.Json);
            }
        }

        return new TemplateResult(builder.ToString(), null);
    }
}
