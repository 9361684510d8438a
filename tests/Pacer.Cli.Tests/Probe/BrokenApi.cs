using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Pacer.Cli.Tests.Probe;

/// <summary>
/// A notes API on Kestrel (127.0.0.1, random port) described by <see cref="BrokenApiDocument"/>, correct
/// everywhere except ONE planted flaw per kind the probe looks for:
/// <list type="number">
/// <item>malformed input: invalid JSON on POST /notes is a 500 with the exception (and its stack trace) in the body;</item>
/// <item>boundary: priority 5, the documented maximum, indexes past an array (500);</item>
/// <item>injection: GET /search writes q into HTML unescaped;</item>
/// <item>authentication: token lifetimes are not checked, so an expired token works;</item>
/// <item>object-level authorisation: GET /notes/{id} returns anyone's note;</item>
/// <item>security headers: no X-Content-Type-Options;</item>
/// <item>CORS: any Origin is reflected with credentials allowed;</item>
/// <item>rate limit: POST /login documents 5 requests but never answers 429.</item>
/// </list>
/// </summary>
internal sealed class BrokenApi : IAsyncDisposable
{
    public const string SigningKey = "broken-api-signing-key-0123456789abcdef";
    private static readonly string[] PriorityLabels = ["", "low", "normal", "high", "urgent"];
    private static readonly Dictionary<string, string> Passwords = new() { ["alice"] = "alice-pass", ["bob"] = "bob-pass" };
    private readonly WebApplication app;

    private BrokenApi(WebApplication app, string baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<BrokenApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var notes = new ConcurrentDictionary<int, (string Owner, string Text, int Priority)>();
        var nextId = 0;

        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers["X-Frame-Options"] = "DENY"; // Flaw 6: X-Content-Type-Options is missing.
                if (context.Request.Headers.Origin.ToString() is { Length: > 0 } origin)
                {
                    context.Response.Headers["Access-Control-Allow-Origin"] = origin; // Flaw 7: any origin, with credentials.
                    context.Response.Headers["Access-Control-Allow-Credentials"] = "true";
                }

                return Task.CompletedTask;
            });
            await next(context);
        });

        // Flaw 8: the document says 5 per window; nothing limits it.
        app.MapPost("/login", (LoginRequest? body) =>
            body is not { Username.Length: > 0 and <= 50, Password.Length: > 0 and <= 50 } ? Results.BadRequest()
            : Passwords.TryGetValue(body.Username, out var password) && password == body.Password ? Results.Ok(new { token = Mint(body.Username) })
            : Results.Unauthorized());

        app.MapPost("/notes", async (HttpContext context) =>
        {
            if (await UserAsync(context) is not { } user)
            {
                return Results.Unauthorized();
            }

            if (context.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
            {
                return Results.StatusCode(415);
            }

            var raw = await new StreamReader(context.Request.Body).ReadToEndAsync();
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(raw);
            }
            catch (JsonException exception)
            {
                return Results.Text(exception.ToString(), "text/plain", statusCode: 500); // Flaw 1.
            }

            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object || root.EnumerateObject().Any(p => p.Name is not ("text" or "priority"))
                    || !root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String || text.GetString()!.Length is < 1 or > 200)
                {
                    return Results.BadRequest();
                }

                var priority = 1;
                if (root.TryGetProperty("priority", out var given))
                {
                    if (given.ValueKind != JsonValueKind.Number || !given.TryGetInt32(out priority) || priority is < 1 or > 5)
                    {
                        return Results.BadRequest();
                    }
                }

                _ = PriorityLabels[priority]; // Flaw 2: the array has 5 entries, so priority 5 throws.
                var id = Interlocked.Increment(ref nextId);
                notes[id] = (user, text.GetString()!, priority);
                return Results.Created($"/notes/{id}", new { id, text = text.GetString(), priority });
            }
        });

        app.MapGet("/notes/{id:int}", async (HttpContext context, int id) =>
            await UserAsync(context) is null ? Results.Unauthorized()
            : notes.TryGetValue(id, out var note) ? Results.Ok(new { id, text = note.Text, priority = note.Priority }) // Flaw 5: no owner check.
            : Results.NotFound());

        app.MapDelete("/notes/{id:int}", async (HttpContext context, int id) =>
        {
            if (await UserAsync(context) is not { } user)
            {
                return Results.Unauthorized();
            }

            return notes.TryGetValue(id, out var note) && note.Owner == user && notes.TryRemove(id, out _) ? Results.NoContent() : Results.NotFound();
        });

        // Flaw 3: q goes into the page as it came.
        app.MapGet("/search", (string? q) =>
            q is null || q.Length > 100 ? Results.BadRequest() : Results.Content($"<html><body><p>Results for {q}</p></body></html>", "text/html"));

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BrokenApi(app, address.TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static string Mint(string user) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim("sub", user)]),
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey)), SecurityAlgorithms.HmacSha256),
        });

    private static async Task<string?> UserAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return null;
        }

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(header["Bearer ".Length..], new TokenValidationParameters
        {
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false, // Flaw 4: expired tokens pass.
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey)),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        });
        return result.IsValid ? result.ClaimsIdentity.FindFirst("sub")?.Value : null;
    }

    private sealed record LoginRequest(string? Username, string? Password);
}
