using System.Security.Claims;

namespace Storefront.Api.Infrastructure.Auth;

/// <summary>The claims Storefront's access tokens carry, and the policy names endpoints require.</summary>
public static class StorefrontClaims
{
    public const string UserId = "sub";
    public const string Role = "role";

    /// <summary>The login session (refresh-token family) a token was issued for; logout ends it (see <see cref="EndedSessions"/>).</summary>
    public const string SessionId = "sid";
    public const string AdminPolicy = "admin";
    public const string AdminRole = "admin";
    public const string ShopperRole = "shopper";

    /// <summary>The authenticated user's id; only call on endpoints that require authorization.</summary>
    public static Guid GetUserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(UserId), out var id)
            ? id
            : throw new InvalidOperationException("The request has no authenticated user id.");
}
