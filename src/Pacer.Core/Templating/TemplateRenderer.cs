using Pacer.Core.Flow.Syntax;

namespace Pacer.Core.Templating;

/// <summary>Why a template could not be rendered: the variable and where it was used.</summary>
public sealed record TemplateError(string VariableName, SourceSpan Span, string Message);

public sealed record TemplateResult(string? Text, TemplateError? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>Turns templates into text with variables and built-ins substituted.</summary>
public static class TemplateRenderer
{
    /// <summary>For URLs, header and query values: every placeholder becomes its text.</summary>
    public static TemplateResult RenderText(Template template, VariableScope variables, BuiltInVariables builtIns) =>
        throw new NotImplementedException();

    /// <summary>
    /// For request bodies. When <paramref name="isJson"/>, a placeholder standing unquoted keeps
    /// its variable's JSON type (numbers, objects), and one inside a JSON string is escaped.
    /// </summary>
    public static TemplateResult RenderBody(Template template, VariableScope variables, BuiltInVariables builtIns, bool isJson) =>
        throw new NotImplementedException();
}
