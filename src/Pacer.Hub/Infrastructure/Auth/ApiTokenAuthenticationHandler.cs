using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pacer.Hub.Features.Projects;
using Pacer.Hub.Features.Tokens;
using Pacer.Hub.Infrastructure.Database;

namespace Pacer.Hub.Infrastructure.Auth;

/// <summary>
/// <c>Authorization: Bearer pch_…</c>: a project's API token. Looked up by its hash on every request,
/// so a revoked or expired token stops working at once.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    HubDbContext db,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = BearerSecret(Request);
        if (secret is null || !secret.StartsWith(SecretTokens.ApiTokenPrefix, StringComparison.Ordinal))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = SecretTokens.HashOf(secret);
        var now = time.GetUtcNow().UtcDateTime;
        var token = await db.Set<ApiToken>().FirstOrDefaultAsync(t => t.TokenHash == hash, Context.RequestAborted);
        if (token is null || token.RevokedAt is not null || (token.ExpiresAt is { } expires && expires <= now))
        {
            return AuthenticateResult.Fail("The API token is unknown, revoked or expired.");
        }

        // Written at most once a minute: a CI job's requests should not each cost a write.
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(Context.RequestAborted);
        }

        var identity = new ClaimsIdentity(
        [
            new Claim(HubClaims.TokenId, token.Id.ToString(CultureInfo.InvariantCulture)),
            new Claim(HubClaims.TokenProject, token.ProjectId.ToString(CultureInfo.InvariantCulture)),
            new Claim(HubClaims.TokenRole, token.Role.Name()),
            new Claim(HubClaims.Username, "token:" + token.Name),
        ], SchemeName, HubClaims.Username, null);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    public static string? BearerSecret(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
