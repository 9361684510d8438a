using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Pacer.Hub.Infrastructure.Api;

/// <summary>How handlers answer: the envelope with the right status, never a bare body.</summary>
public static class ApiResults
{
    public static JsonHttpResult<ApiEnvelope<T>> Ok<T>(T data, string message = "ok") =>
        TypedResults.Json(new ApiEnvelope<T>(0, message, data), statusCode: StatusCodes.Status200OK);

    public static JsonHttpResult<ApiEnvelope<T>> Created<T>(T data, string message = "created") =>
        TypedResults.Json(new ApiEnvelope<T>(0, message, data), statusCode: StatusCodes.Status201Created);

    /// <summary>Success with nothing to return (a delete, a logout).</summary>
    public static JsonHttpResult<ApiEnvelope<object>> Done(string message) =>
        TypedResults.Json(new ApiEnvelope<object>(0, message, null), statusCode: StatusCodes.Status200OK);

    public static JsonHttpResult<ApiEnvelope<object>> Problem(int status, string title, string detail, string? type = null, IDictionary<string, string[]>? errors = null)
    {
        var problem = errors is null ? new ProblemDetails() : new ValidationProblemDetails(errors);
        problem.Status = status;
        problem.Title = title;
        problem.Detail = detail;
        problem.Type = type ?? $"https://httpstatuses.io/{status}";
        return TypedResults.Json(new ApiEnvelope<object>(status, detail, null) { Error = problem }, statusCode: status);
    }

    public static JsonHttpResult<ApiEnvelope<object>> NotFound(string what) =>
        Problem(StatusCodes.Status404NotFound, "Not Found", $"{what} not found");

    public static JsonHttpResult<ApiEnvelope<object>> Conflict(string detail) =>
        Problem(StatusCodes.Status409Conflict, "Conflict", detail);

    public static JsonHttpResult<ApiEnvelope<object>> Forbidden(string detail) =>
        Problem(StatusCodes.Status403Forbidden, "Forbidden", detail);

    public static JsonHttpResult<ApiEnvelope<object>> Invalid(IDictionary<string, string[]> errors) =>
        Problem(StatusCodes.Status400BadRequest, "Invalid request",
            string.Join("; ", errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}"))), errors: errors);

    public static JsonHttpResult<ApiEnvelope<object>> Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });
}
