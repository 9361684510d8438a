using Pacer.Core.Execution;
using Pacer.Core.Flow.Syntax;
using Pacer.Core.Templating;

namespace Pacer.Core.Http;

/// <summary>A rendered request, or the reason it could not be rendered (an undefined variable, no base URL).</summary>
public sealed record BuiltRequest(RequestSummary? Request, string? Error);

/// <summary>
/// Renders a step's templates into the request to send: URL resolved against the base URL,
/// queries appended, headers and body substituted. A JSON body keeps captured values' JSON types.
/// </summary>
public static class RequestBuilder
{
    public static BuiltRequest Build(StepNode step, string? baseUrl, VariableScope variables, BuiltInVariables builtIns)
    {
        var url = TemplateRenderer.RenderText(step.Url, variables, builtIns);
        if (!url.Succeeded)
        {
            return Failed(url.Error!);
        }

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var header in step.Headers)
        {
            var value = TemplateRenderer.RenderText(header.Value, variables, builtIns);
            if (!value.Succeeded)
            {
                return Failed(value.Error!);
            }

            headers.Add(new(header.Name, value.Text ?? ""));
        }

        var query = new List<KeyValuePair<string, string>>();
        foreach (var item in step.Queries)
        {
            var value = TemplateRenderer.RenderText(item.Value, variables, builtIns);
            if (!value.Succeeded)
            {
                return Failed(value.Error!);
            }

            query.Add(new(item.Name, value.Text ?? ""));
        }

        string? body = null;
        if (step.Body is not null)
        {
            var contentType = headers.LastOrDefault(h => IsContentType(h.Key)).Value;
            var isJson = contentType is not null ? IsJsonMediaType(contentType) : LooksLikeJson(step.Body.Raw);
            var rendered = TemplateRenderer.RenderBody(step.Body, variables, builtIns, isJson);
            if (!rendered.Succeeded)
            {
                return Failed(rendered.Error!);
            }

            body = rendered.Text ?? "";
            if (contentType is null)
            {
                headers.Add(new("Content-Type", isJson ? "application/json" : "text/plain; charset=utf-8"));
            }
        }

        var absolute = UrlResolver.Resolve(url.Text ?? "", baseUrl);
        if (absolute is null)
        {
            return new BuiltRequest(null, $"relative URL '{url.Text}' needs a base URL (--base-url, or base_url in the environment)");
        }

        absolute = UrlResolver.AppendQuery(absolute, query);
        if (!Uri.TryCreate(absolute, UriKind.Absolute, out _))
        {
            return new BuiltRequest(null, $"not a valid URL: {absolute}");
        }

        return new BuiltRequest(new RequestSummary(step.Method.ToUpperInvariant(), absolute, headers, body), null);
    }

    public static bool IsContentType(string headerName) =>
        string.Equals(headerName, "Content-Type", StringComparison.OrdinalIgnoreCase);

    public static bool IsJsonMediaType(string contentType) =>
        contentType.Contains("json", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Good enough to decide how to substitute: the raw template may not be valid JSON before
    /// rendering (<c>{"id": {{id}}}</c>), so only its first character is looked at.
    /// </summary>
    public static bool LooksLikeJson(string raw)
    {
        var trimmed = raw.TrimStart();
        return trimmed.StartsWith('{') || trimmed.StartsWith('[');
    }

    private static BuiltRequest Failed(TemplateError error) =>
        new(null, $"{error.Message} ({error.Span})");
}
