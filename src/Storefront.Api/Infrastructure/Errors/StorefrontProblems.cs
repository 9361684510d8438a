using Microsoft.AspNetCore.Http.HttpResults;

namespace Storefront.Api.Infrastructure.Errors;

/// <summary>
/// problem+json results with a machine-readable <c>code</c> extension. The traceId and requestId
/// are added for every problem by <see cref="ProblemDetailsSetup"/>.
/// </summary>
public static class StorefrontProblems
{
    public static ProblemHttpResult Problem(
        int status, string title, string detail, string code, IDictionary<string, object?>? extensions = null)
    {
        var all = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>()) { ["code"] = code };
        return TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: all);
    }

    public static ProblemHttpResult BadRequest(string detail, string code, IDictionary<string, object?>? extensions = null) =>
        Problem(StatusCodes.Status400BadRequest, "Bad Request", detail, code, extensions);

    public static ProblemHttpResult Unauthorized(string detail, string code = "unauthorized") =>
        Problem(StatusCodes.Status401Unauthorized, "Unauthorized", detail, code);

    public static ProblemHttpResult Forbidden(string detail, string code = "forbidden") =>
        Problem(StatusCodes.Status403Forbidden, "Forbidden", detail, code);

    public static ProblemHttpResult NotFound(string detail, string code = "not_found", IDictionary<string, object?>? extensions = null) =>
        Problem(StatusCodes.Status404NotFound, "Not Found", detail, code, extensions);

    public static ProblemHttpResult Conflict(string detail, string code, IDictionary<string, object?>? extensions = null) =>
        Problem(StatusCodes.Status409Conflict, "Conflict", detail, code, extensions);

    public static ProblemHttpResult Unprocessable(string detail, string code, IDictionary<string, object?>? extensions = null) =>
        Problem(StatusCodes.Status422UnprocessableEntity, "Unprocessable Entity", detail, code, extensions);

    public static ProblemHttpResult BadGateway(string detail, string code, IDictionary<string, object?>? extensions = null) =>
        Problem(StatusCodes.Status502BadGateway, "Bad Gateway", detail, code, extensions);

    public static ProblemHttpResult ServiceUnavailable(string detail, string code, IDictionary<string, object?>? extensions = null) =>
        Problem(StatusCodes.Status503ServiceUnavailable, "Service Unavailable", detail, code, extensions);

    /// <summary>400 with per-field errors: <c>{"errors": {"email": ["..."]}}</c>.</summary>
    public static ValidationProblem Validation(IDictionary<string, string[]> errors, string detail = "One or more fields are invalid.") =>
        TypedResults.ValidationProblem(errors, detail: detail, extensions: new Dictionary<string, object?> { ["code"] = "validation_failed" });
}
