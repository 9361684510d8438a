using System.Buffers;

namespace Storefront.Api.Infrastructure.Http;

/// <summary>
/// Accepts a well-formed X-Request-ID or generates one, echoes it on the response and puts it
/// in the logging scope so every log line of the request carries it.
/// </summary>
public sealed class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    public const string HeaderName = "X-Request-ID";
    public const int MaxLength = 128;

    private static readonly object ItemKey = new();
    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:");

    public async Task InvokeAsync(HttpContext context)
    {
        var supplied = context.Request.Headers[HeaderName].ToString();
        var requestId = IsValid(supplied) ? supplied : Guid.NewGuid().ToString("N");
        context.Items[ItemKey] = requestId;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = requestId;
            return Task.CompletedTask;
        });

        using (logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = requestId }))
        {
            await next(context);
        }
    }

    public static string? GetRequestId(HttpContext context) => context.Items.TryGetValue(ItemKey, out var id) ? id as string : null;

    /// <summary>Only short, plain tokens are echoed: anything else could smuggle text into logs or headers.</summary>
    public static bool IsValid(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxLength && !value.AsSpan().ContainsAnyExcept(Allowed);
}
