using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Storefront.Api.Infrastructure.Auth;

/// <summary>
/// Bearer authentication with JsonWebTokenHandler (the JwtBearer package is unavailable here):
/// signature, HS256 only (so alg:none and key confusion are refused), expiry, issuer, audience.
/// Challenges and forbids answer with problem+json.
/// </summary>
public sealed partial class JwtAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    AccessTokenIssuer issuer,
    DeactivatedAccounts deactivated,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "Bearer";

    private static readonly object FailureKey = new();

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string authorization = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(authorization))
        {
            return AuthenticateResult.NoResult();
        }

        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Fail("The Authorization header must use the Bearer scheme.");
        }

        var token = authorization["Bearer ".Length..].Trim();
        var result = await issuer.ValidateAsync(token);
        if (!result.IsValid)
        {
            var reason = result.Exception?.GetType().Name ?? "invalid";
            LogRejected(Logger, reason);
            return Fail("The access token is invalid or has expired.");
        }

        var principal = new ClaimsPrincipal(result.ClaimsIdentity);
        if (!Guid.TryParse(principal.FindFirstValue(StorefrontClaims.UserId), out var userId))
        {
            return Fail("The access token has no valid subject.");
        }

        if (await deactivated.IsDeactivatedAsync(userId, Context.RequestAborted))
        {
            return Fail("The account behind this access token has been deactivated.");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = Context.Items.TryGetValue(FailureKey, out var reason) ? reason as string : null;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await WriteProblemAsync(StatusCodes.Status401Unauthorized, "Unauthorized",
            failure ?? "This endpoint requires a bearer access token.", failure is null ? "unauthorized" : "invalid_token");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden",
            "Your account is not allowed to perform this action.", "forbidden");
    }

    private AuthenticateResult Fail(string reason)
    {
        Context.Items[FailureKey] = reason;
        return AuthenticateResult.Fail(reason);
    }

    private async Task WriteProblemAsync(int status, string title, string detail, string code)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = problem });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected a bearer token: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);
}
