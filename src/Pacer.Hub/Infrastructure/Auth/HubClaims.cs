using System.Globalization;
using System.Security.Claims;

namespace Pacer.Hub.Infrastructure.Auth;

/// <summary>The claims the Hub's principals carry: a user's access token, or a project's API token.</summary>
public static class HubClaims
{
    public const string UserId = "sub";
    public const string Username = "name";

    /// <summary>Present only on API-token principals: the token's id, its project and its role there.</summary>
    public const string TokenId = "token_id";
    public const string TokenProject = "token_project";
    public const string TokenRole = "token_role";

    public static long? UserIdOf(this ClaimsPrincipal user) =>
        long.TryParse(user?.FindFirstValue(UserId), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public static bool IsApiToken(this ClaimsPrincipal user) => user?.FindFirst(TokenId) is not null;
}
