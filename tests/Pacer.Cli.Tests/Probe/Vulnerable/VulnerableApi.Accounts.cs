using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Pacer.Cli.Tests.Probe.Vulnerable;

internal sealed partial class VulnerableApi
{
    /// <summary>The API's endpoints, given its data, its tokens and its flaws.</summary>
    private sealed partial class Endpoints(VulnerableApiData data, VulnerableApiTokens tokens, IReadOnlySet<VulnerableApiFlaw> flaws)
    {
        private const int LockoutFailures = 40;
        private readonly ConcurrentDictionary<string, ConcurrentQueue<DateTimeOffset>> failures = new(StringComparer.Ordinal);
        private readonly ConcurrentQueue<DateTimeOffset> forgotRequests = new();

        private bool Has(VulnerableApiFlaw flaw) => flaws.Contains(flaw);

        public void MapAccounts(IEndpointRouteBuilder app)
        {
            app.MapPost("/login", (Delegate)LoginAsync);
            app.MapPost("/logout", (HttpContext context) =>
            {
                if (UserOf(context) is null)
                {
                    return Results.Unauthorized();
                }

                tokens.Revoke(context.Request.Headers.Authorization.ToString()["Bearer ".Length..]);
                return Results.NoContent();
            });
            app.MapGet("/users/me", (HttpContext context) => UserOf(context) is { } user ? Results.Ok(Profile(user)) : Results.Unauthorized());
            app.MapPut("/users/me", (Delegate)UpdateProfileAsync);
            app.MapPut("/users/{username}/email", ChangeEmailAsync);
            app.MapPut("/users/{username}/password", ChangePasswordAsync);
            app.MapPost("/password/forgot", (Delegate)ForgotAsync);
            app.MapGet("/admin/users", (HttpContext context) =>
                UserOf(context) is not { } user ? Results.Unauthorized()
                : user.Role != "admin" && !Has(VulnerableApiFlaw.AdminOperations) ? Results.StatusCode(StatusCodes.Status403Forbidden)
                : Results.Ok(data.Users.Values.OrderBy(u => u.Name).Select(u => new { username = u.Name, email = u.Email, role = u.Role })));
            app.MapGet("/admin/reset", (HttpContext context) =>
            {
                if (UserOf(context) is null)
                {
                    return Results.Unauthorized();
                }

                data.Reset();
                return Results.Ok(new { reset = true });
            });
        }

        private async Task<IResult> LoginAsync(HttpContext context)
        {
            var (body, refusal) = await ReadJsonAsync(context);
            if (refusal is not null)
            {
                return refusal;
            }

            if (Text(body!, "username") is not { Length: > 0 and <= 50 } name || Text(body!, "password") is not { Length: > 0 and <= 50 } password)
            {
                return Results.BadRequest(new { error = "username and password are required" });
            }

            if (!Has(VulnerableApiFlaw.LoginBruteForce) && RecentFailures(name) >= LockoutFailures)
            {
                context.Response.Headers.RetryAfter = "60";
                return Results.Json(new { error = "too many failed logins; try later" }, statusCode: StatusCodes.Status429TooManyRequests);
            }

            if (!data.Users.TryGetValue(name, out var user))
            {
                if (Has(VulnerableApiFlaw.UserEnumeration))
                {
                    return Results.NotFound(new { error = $"no such user: {name}" });
                }

                if (!Has(VulnerableApiFlaw.UserEnumerationByTiming))
                {
                    _ = VulnerableApiData.Hash(password, new byte[16]); // as long as a wrong password takes
                }

                return Results.Json(new { error = "wrong user name or password" }, statusCode: StatusCodes.Status401Unauthorized);
            }

            if (!VulnerableApiData.PasswordMatches(user, password))
            {
                failures.GetOrAdd(name, _ => new()).Enqueue(DateTimeOffset.UtcNow);
                return Results.Json(new { error = "wrong user name or password" }, statusCode: StatusCodes.Status401Unauthorized);
            }

            return Results.Ok(new { token = tokens.Issue(user.Name, user.Role) });
        }

        private async Task<IResult> UpdateProfileAsync(HttpContext context)
        {
            if (UserOf(context) is not { } user)
            {
                return Results.Unauthorized();
            }

            var (body, refusal) = await ReadJsonAsync(context);
            if (refusal is not null)
            {
                return refusal;
            }

            if (new[] { "email", "displayName" }.Any(name => body!.ContainsKey(name) && Text(body!, name) is null))
            {
                return Results.BadRequest(new { error = "email and displayName are strings" });
            }

            var email = Text(body!, "email") ?? user.Email;
            var displayName = Text(body!, "displayName") ?? user.DisplayName;
            if (!SafeEmail().IsMatch(email) || displayName.Length is 0 or > 50)
            {
                return Results.BadRequest(new { error = "a valid email and a display name of 1 to 50 characters are required" });
            }

            var role = Has(VulnerableApiFlaw.MassAssignment) && Text(body!, "role") is { } wanted ? wanted : user.Role;
            var updated = user with { Email = email, DisplayName = displayName, Role = role };
            data.Users[user.Name] = updated;
            return Results.Ok(Profile(updated));
        }

        private async Task<IResult> ChangeEmailAsync(HttpContext context, string username)
        {
            if (UserOf(context) is not { } user)
            {
                return Results.Unauthorized();
            }

            var (body, refusal) = await ReadJsonAsync(context);
            if (refusal is not null)
            {
                return refusal;
            }

            // The address is checked before anything else, as the planted ReDoS needs.
            var email = Text(body!, "email") ?? "";
            var valid = Has(VulnerableApiFlaw.ReDoS) ? BacktrackingEmail().IsMatch(email) : SafeEmail().IsMatch(email);
            if (!valid)
            {
                return Results.BadRequest(new { error = "invalid email" });
            }

            if (username != user.Name)
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            data.Users[user.Name] = user with { Email = email };
            return Results.NoContent();
        }

        private async Task<IResult> ChangePasswordAsync(HttpContext context, string username)
        {
            if (UserOf(context) is not { } user)
            {
                return Results.Unauthorized();
            }

            var (body, refusal) = await ReadJsonAsync(context);
            if (refusal is not null)
            {
                return refusal;
            }

            if (Text(body!, "password") is not { Length: >= 8 and <= 50 } password)
            {
                return Results.BadRequest(new { error = "a password of 8 to 50 characters is required" });
            }

            if (username != user.Name && !Has(VulnerableApiFlaw.OtherUserAccount))
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            if (!data.Users.TryGetValue(username, out var target))
            {
                return Results.NotFound();
            }

            data.AddUser(target.Name, password, target.Email, target.Role);
            return Results.NoContent();
        }

        private async Task<IResult> ForgotAsync(HttpContext context)
        {
            var now = DateTimeOffset.UtcNow;
            while (forgotRequests.TryPeek(out var oldest) && now - oldest > TimeSpan.FromSeconds(10))
            {
                forgotRequests.TryDequeue(out _);
            }

            if (!Has(VulnerableApiFlaw.RateLimit) && forgotRequests.Count >= 5)
            {
                context.Response.Headers.RetryAfter = "10";
                return Results.StatusCode(StatusCodes.Status429TooManyRequests);
            }

            forgotRequests.Enqueue(now);
            var (body, refusal) = await ReadJsonAsync(context);
            return refusal ?? (Text(body!, "email") is { Length: > 0 and <= 254 } ? Results.Accepted() : Results.BadRequest(new { error = "email is required" }));
        }

        private int RecentFailures(string name)
        {
            var queue = failures.GetOrAdd(name, _ => new());
            while (queue.TryPeek(out var oldest) && DateTimeOffset.UtcNow - oldest > TimeSpan.FromMinutes(1))
            {
                queue.TryDequeue(out _);
            }

            return queue.Count;
        }

        private VulnerableApiData.User? UserOf(HttpContext context)
        {
            var header = context.Request.Headers.Authorization.ToString();
            return header.StartsWith("Bearer ", StringComparison.Ordinal) && tokens.Validate(header["Bearer ".Length..]) is { } name
                ? data.Users.GetValueOrDefault(name)
                : null;
        }

        private JsonObject Profile(VulnerableApiData.User user)
        {
            var profile = new JsonObject { ["username"] = user.Name, ["email"] = user.Email, ["displayName"] = user.DisplayName, ["role"] = user.Role };
            if (Has(VulnerableApiFlaw.SensitiveDataExposure))
            {
                profile["passwordHash"] = user.HashText;
            }

            return profile;
        }

        [GeneratedRegex(@"^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,190}\.[A-Za-z]{2,24}$", RegexOptions.CultureInvariant)]
        private static partial Regex SafeEmail();

        // The classic catastrophic pattern: nested quantifiers over the same characters backtrack exponentially on "aaaa…!".
        [GeneratedRegex(@"^([a-zA-Z0-9])(([\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$", RegexOptions.CultureInvariant)]
        private static partial Regex BacktrackingEmail();
    }
}
