using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pacer.Cli.Tests.Probe.Vulnerable;

/// <summary>
/// A small books-and-products API on Kestrel (127.0.0.1, random port), described by <see cref="VulnerableApiDocument"/>,
/// with every flaw of <see cref="VulnerableApiFlaw"/> that it is started with — and correct where a flaw is off. The
/// probe must find each flaw that is on and nothing when none is. 16 operations; the probe calls 15 (GET /admin/reset
/// resets the data and is left out unless included — <see cref="ResetCount"/> shows whether it was called).
/// </summary>
internal sealed partial class VulnerableApi : IAsyncDisposable
{
    private const long BodyLimit = 64 * 1024;
    private readonly WebApplication app;

    private VulnerableApi(WebApplication app, VulnerableApiData data, VulnerableApiTokens tokens, ConcurrentDictionary<string, int> calls, string baseUrl)
    {
        this.app = app;
        Calls = calls;
        Data = data;
        Tokens = tokens;
        BaseUrl = baseUrl;
    }

    public static IReadOnlySet<VulnerableApiFlaw> AllFlaws { get; } = Enum.GetValues<VulnerableApiFlaw>().ToHashSet();

    public string BaseUrl { get; }

    public string SigningKey => Tokens.SigningKey;

    public int ResetCount => Data.ResetCount;

    /// <summary>How many requests each <c>METHOD /path</c> received (paths as requested, not as templates).</summary>
    public ConcurrentDictionary<string, int> Calls { get; }

    private VulnerableApiData Data { get; }

    private VulnerableApiTokens Tokens { get; }

    public static async Task<VulnerableApi> StartAsync(IReadOnlySet<VulnerableApiFlaw> flaws)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, 0);
            options.Limits.MaxRequestBodySize = null;
        });
        var app = builder.Build();
        var data = new VulnerableApiData();
        var tokens = new VulnerableApiTokens(flaws);
        var calls = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        app.Use((context, next) =>
        {
            calls.AddOrUpdate($"{context.Request.Method} {context.Request.Path}", 1, (_, n) => n + 1);
            return next(context);
        });
        UseMiddleware(app, flaws);
        var endpoints = new Endpoints(data, tokens, flaws);
        endpoints.MapAccounts(app);
        endpoints.MapBooks(app);
        endpoints.MapTools(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new VulnerableApi(app, data, tokens, calls, address.TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Data.Dispose();
    }

    private static void UseMiddleware(WebApplication app, IReadOnlySet<VulnerableApiFlaw> flaws)
    {
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers["X-Frame-Options"] = "DENY";
                if (!flaws.Contains(VulnerableApiFlaw.SecurityHeaders))
                {
                    headers["X-Content-Type-Options"] = "nosniff";
                }

                if (flaws.Contains(VulnerableApiFlaw.VerboseErrors))
                {
                    headers["X-Powered-By"] = "VulnerableBooks/1.4.2 (.NET 10.0)";
                }

                if (flaws.Contains(VulnerableApiFlaw.Cors) && context.Request.Headers.Origin.ToString() is { Length: > 0 } origin)
                {
                    headers["Access-Control-Allow-Origin"] = origin;
                    headers["Access-Control-Allow-Credentials"] = "true";
                }

                return Task.CompletedTask;
            });

            if (!flaws.Contains(VulnerableApiFlaw.OversizedBody) && context.Request.ContentLength > BodyLimit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            try
            {
                await next(context);
            }
#pragma warning disable CA1031 // The planted flaw is what this handler does with any exception.
            catch (Exception exception) when (!context.Response.HasStarted)
#pragma warning restore CA1031
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                if (flaws.Contains(VulnerableApiFlaw.StackTrace))
                {
                    await context.Response.WriteAsync(exception.ToString());
                }
                else
                {
                    await context.Response.WriteAsJsonAsync(new { error = "internal error" });
                }
            }
        });
    }

    /// <summary>The request body as a JSON object; invalid JSON is a 400, or — where the flaw is planted — an exception.</summary>
    private static async Task<(JsonObject? Body, IResult? Refusal)> ReadJsonAsync(HttpContext context, bool crashOnInvalid = false)
    {
        if (context.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            return (null, Results.StatusCode(StatusCodes.Status415UnsupportedMediaType));
        }

        var text = await new StreamReader(context.Request.Body).ReadToEndAsync();
        if (crashOnInvalid)
        {
            return (JsonNode.Parse(text) as JsonObject ?? throw new InvalidOperationException("body is not an object"), null);
        }

        try
        {
            return JsonNode.Parse(text) is JsonObject body ? (body, null) : (null, Results.BadRequest(new { error = "a JSON object is required" }));
        }
        catch (JsonException)
        {
            return (null, Results.BadRequest(new { error = "invalid JSON" }));
        }
    }

    private static string? Text(JsonObject body, string name) =>
        body[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
