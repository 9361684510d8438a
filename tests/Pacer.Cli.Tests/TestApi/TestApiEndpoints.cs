using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Pacer.Cli.Tests.TestApi;

/// <summary>The test API's routes. Bodies follow kest conventions: <c>{code: 0, data: {...}}</c>.</summary>
public static class TestApiEndpoints
{
    public static readonly string[] Passwords = ["secret", "Test@123"];

    private static readonly string[] Roles = ["admin", "user"];

    public static void Map(WebApplication app, TestApiState state)
    {
        app.Use(async (context, next) =>
        {
            state.RequestLog.Enqueue(context.Request.Path + context.Request.QueryString);
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                switch (state.Mode)
                {
                    case ServerMode.WrongAnswers:
                        await Results.Json(new { code = 1, message = "business error" }).ExecuteAsync(context);
                        return;
                    case ServerMode.ServerErrors:
                        await Results.Json(new { code = 500, message = "boom" }, statusCode: 500).ExecuteAsync(context);
                        return;
                    case ServerMode.Slow:
                        await Task.Delay(TestApiServer.SlowDelay, context.RequestAborted);
                        break;
                }
            }

            await next(context);
        });

        app.MapPost("/api/login", async (HttpRequest request) =>
        {
            var body = await ReadJsonAsync(request);
            var username = body?["username"]?.GetValue<string>();
            var password = body?["password"]?.GetValue<string>();
            if (string.IsNullOrEmpty(username) || !Passwords.Contains(password))
            {
                return Results.Json(new { code = 401, message = "bad credentials" }, statusCode: 401);
            }

            var token = "tok-" + Guid.NewGuid().ToString("N");
            state.Tokens[token] = username;
            return Results.Json(new { code = 0, data = new { token, username, expiresIn = 3600 } });
        });

        app.MapGet("/api/profile", (HttpRequest request) =>
            Authenticate(request, state) is { } user
                ? Results.Json(new { code = 0, data = new { username = user, id = 1, roles = Roles, email = (string?)null } })
                : Results.Json(new { code = 401, message = "unauthorized" }, statusCode: 401));

        app.MapPost("/api/projects", async (HttpRequest request) =>
        {
            if (Authenticate(request, state) is null)
            {
                return Results.Json(new { code = 401, message = "unauthorized" }, statusCode: 401);
            }

            var body = await ReadJsonAsync(request);
            var name = body?["name"]?.GetValue<string>() ?? "";
            var id = state.NextProjectId();
            state.Projects[id] = name;
            return Results.Json(new { code = 0, data = new { id, name, createdAt = DateTimeOffset.UtcNow, budget = body?["budget"] } }, statusCode: 201);
        });

        app.MapGet("/api/projects/{id:int}", (int id) =>
            state.Projects.TryGetValue(id, out var name)
                ? Results.Json(new { code = 0, data = new { id, name } })
                : Results.Json(new { code = 404, message = "not found" }, statusCode: 404));

        app.MapGet("/api/projects", () =>
        {
            var items = state.Projects.OrderBy(p => p.Key).Select(p => new { id = p.Key, name = p.Value }).ToList();
            return Results.Json(new { code = 0, data = new { items, meta = new { total = items.Count } } });
        });

        app.MapGet("/api/counter", () => Results.Json(new { code = 0, count = state.Counter }));
        app.MapPost("/api/counter", () => Results.Json(new { code = 0, count = state.IncrementCounter() }));

        app.MapGet("/slow", async (int? ms, CancellationToken aborted) =>
        {
            await Task.Delay(ms ?? 500, aborted);
            return Results.Json(new { code = 0, waited = ms ?? 500 });
        });

        // Fails the first `failures` calls per key with 503, then succeeds: for @retry.
        app.MapGet("/flaky", (string key, int failures) =>
        {
            var call = state.CountCall("flaky:" + key);
            return call <= failures
                ? Results.Json(new { code = 503, call }, statusCode: 503)
                : Results.Json(new { code = 0, call });
        });

        app.Map("/echo/{**rest}", Echo);
        app.Map("/echo", Echo);

        app.MapGet("/cookies/set", (string name, string value, HttpResponse response) =>
        {
            response.Cookies.Append(name, value, new CookieOptions { Path = "/" });
            return Results.Json(new { code = 0 });
        });

        app.MapGet("/cookies/read", (HttpRequest request) =>
            Results.Json(new { code = 0, cookies = request.Cookies.ToDictionary(c => c.Key, c => c.Value) }));

        app.MapGet("/redirect", () => Results.Redirect("/echo?redirected=true"));

        app.MapGet("/text", () => Results.Text("plain text body", "text/plain"));

        app.MapGet("/status/{code:int}", (int code) => Results.Json(new { code }, statusCode: code));

        // A header whose value HttpClient would re-read as a product list: it must reach assertions as sent.
        app.MapGet("/headers/server", (HttpResponse response) =>
        {
            response.Headers.Server = "BaseHTTP/0.6 Python/3.11.7";
            return Results.Json(new { code = 0 });
        });
    }

    private static async Task<IResult> Echo(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync();
        JsonNode? body;
        try
        {
            body = text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            body = JsonValue.Create(text);
        }

        var headers = new JsonObject();
        foreach (var header in request.Headers)
        {
            headers[header.Key] = header.Value.ToString();
        }

        var query = new JsonObject();
        foreach (var item in request.Query)
        {
            query[item.Key] = item.Value.ToString();
        }

        var echo = new JsonObject
        {
            ["code"] = 0,
            ["data"] = new JsonObject
            {
                ["method"] = request.Method,
                ["path"] = request.Path.Value,
                ["query"] = query,
                ["headers"] = headers,
                ["contentType"] = request.ContentType,
                ["body"] = body,
                ["rawBody"] = text,
            },
        };
        return Results.Content(echo.ToJsonString(), "application/json");
    }

    private static string? Authenticate(HttpRequest request, TestApiState state)
    {
        var header = request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        return header.StartsWith(prefix, StringComparison.Ordinal) && state.Tokens.TryGetValue(header[prefix.Length..], out var user)
            ? user
            : null;
    }

    private static async Task<JsonNode?> ReadJsonAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
