using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Pacer.Hub.Features.Users;
using Pacer.Hub.Infrastructure;
using Pacer.Hub.Infrastructure.Auth;

namespace Pacer.Hub.Features.Dashboard;

/// <summary><c>/login</c> and <c>/logout</c>: the dashboard's cookie session, with the API's password rules, rate limit and antiforgery.</summary>
internal static class SignInPages
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/login", (HttpContext http, string? returnUrl) => Form(http, returnUrl, null)).AllowAnonymous();
        app.MapPost("/login", SignInAsync).AllowAnonymous().RequireRateLimiting(HubRateLimits.Login);
        app.MapPost("/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(AuthSetup.WebScheme);
            return Results.Redirect("/login");
        });
    }

    private static async Task<IResult> SignInAsync(HttpContext http, [FromForm] string? username, [FromForm] string? password, [FromForm] string? returnUrl, UserAccounts accounts)
    {
        if (string.IsNullOrEmpty(username) || string.IsNullOrEmpty(password))
        {
            return Form(http, returnUrl, "Enter your username and password.");
        }

        var outcome = await accounts.SignInAsync(username, password, http.RequestAborted);
        if (outcome.User is null)
        {
            return Form(http, returnUrl, outcome.Error == "wrong username or password" ? "Wrong username or password." : $"Password {outcome.Error}.");
        }

        var identity = new ClaimsIdentity(
            [new Claim(HubClaims.UserId, outcome.User.Id.ToString(CultureInfo.InvariantCulture)), new Claim(HubClaims.Username, outcome.User.Username)],
            AuthSetup.WebScheme, HubClaims.Username, null);
        await http.SignInAsync(AuthSetup.WebScheme, new ClaimsPrincipal(identity));
        // Only local paths: an absolute returnUrl would make the sign-in page an open redirect.
        var target = returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/";
        return Results.Redirect(target);
    }

    private static IResult Form(HttpContext http, string? returnUrl, string? error)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        var body = $"""
            <form class="signin" method="post" action="/login">
            <h1>Sign in to Pacer Hub</h1>
            {(error is null ? "" : $"<p class=\"error\" role=\"alert\">{DashboardPage.Escape(error)}</p>")}
            <input type="hidden" name="{DashboardPage.Escape(tokens.FormFieldName)}" value="{DashboardPage.Escape(tokens.RequestToken)}">
            <input type="hidden" name="returnUrl" value="{DashboardPage.Escape(returnUrl ?? "/")}">
            <label for="username">Username</label><input id="username" name="username" autocomplete="username" required>
            <label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
            <button type="submit">Sign in</button>
            </form>
            """;
        return DashboardPage.Render(http, "Sign in", body, null, error is null ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized);
    }
}
