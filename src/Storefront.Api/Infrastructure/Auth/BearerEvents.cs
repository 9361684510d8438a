using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc;

namespace Storefront.Api.Infrastructure.Auth;

/// <summary>
/// What Storefront adds to JwtBearer: a token of a deactivated account stops working at once (not when it
/// expires), and challenges and forbids answer with problem+json carrying a <c>code</c>, like every other error.
/// </summary>
public sealed partial class BearerEvents(DeactivatedAccounts deactivated, IProblemDetailsService problems, ILogger<BearerEvents> logger)
    : JwtBearerEvents
{
    private static readonly object FailureKey = new();

    public override async Task TokenValidated(TokenValidatedContext context)
    {
        if (!Guid.TryParse(context.Principal?.FindFirstValue(StorefrontClaims.UserId), out var userId))
        {
            Fail(context, "The access token has no valid subject.");
            return;
        }

        if (await deactivated.IsDeactivatedAsync(userId, context.HttpContext.RequestAborted))
        {
            Fail(context, "The account behind this access token has been deactivated.");
        }
    }

    public override Task AuthenticationFailed(AuthenticationFailedContext context)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            var reason = context.Exception.GetType().Name;
            LogRejected(logger, reason);
        }

        context.HttpContext.Items[FailureKey] = "The access token is invalid or has expired.";
        return Task.CompletedTask;
    }

    public override async Task Challenge(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var http = context.HttpContext;
        var failure = http.Items.TryGetValue(FailureKey, out var reason) ? reason as string : null;
        if (failure is null && context.AuthenticateFailure is not null)
        {
            failure = "The access token is invalid or has expired.";
        }

        http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        http.Response.Headers.WWWAuthenticate = failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await WriteProblemAsync(http, StatusCodes.Status401Unauthorized, "Unauthorized",
            failure ?? "This endpoint requires a bearer access token.", failure is null ? "unauthorized" : "invalid_token");
    }

    public override async Task Forbidden(ForbiddenContext context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await WriteProblemAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Forbidden",
            "Your account is not allowed to perform this action.", "forbidden");
    }

    private static void Fail(TokenValidatedContext context, string reason)
    {
        context.HttpContext.Items[FailureKey] = reason;
        context.Fail(reason);
    }

    private async Task WriteProblemAsync(HttpContext http, int status, string title, string detail, string code)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected a bearer token: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);
}
