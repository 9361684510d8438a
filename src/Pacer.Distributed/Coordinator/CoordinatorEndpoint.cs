using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pacer.Distributed.Protocol;

namespace Pacer.Distributed.Coordinator;

/// <summary>
/// The coordinator's HTTP endpoint (Kestrel, HTTP/1.1 + JSON): agents register, hold their event
/// stream open, report ready, and post snapshots. Problems are problem+json. <c>GET /v1/status</c>
/// shows the segments for people and readiness probes. The routes only move messages in and out of
/// the <see cref="AgentRoster"/>; the run itself is <see cref="CoordinatedRun"/>'s.
/// </summary>
public sealed class CoordinatorEndpoint : IAsyncDisposable
{
    private static readonly TimeSpan PingEvery = TimeSpan.FromSeconds(2);
    private readonly WebApplication _app;

    private CoordinatorEndpoint(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>Where agents reach it (the bound port when 0 was asked for).</summary>
    public Uri Address { get; }

    public static async Task<CoordinatorEndpoint> StartAsync(IPEndPoint listen, AgentRoster roster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listen);
        ArgumentNullException.ThrowIfNull(roster);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options =>
        {
            options.Listen(listen);
            options.Limits.MaxRequestBodySize = 256L * 1024 * 1024;
        });
        var app = builder.Build();
        Map(app, roster);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new CoordinatorEndpoint(app, bound);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static void Map(WebApplication app, AgentRoster roster)
    {
        app.MapPost("/v1/agents", async (HttpRequest request) =>
        {
            if (await ReadAsync<AgentRegistration>(request).ConfigureAwait(false) is not { } registration)
            {
                return Problem(400, "the body is not an agent registration");
            }

            var (assignment, status, problem) = roster.Register(registration);
            return assignment is null ? Problem(status, problem!) : Json(assignment);
        });

        app.MapGet("/v1/agents/{id}/events", async (string id, HttpContext context) =>
        {
            if (roster.Find(id) is not { } slot)
            {
                await Problem(404, $"no agent {id}").ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            await StreamEventsAsync(slot, roster, context).ConfigureAwait(false);
        });

        app.MapPost("/v1/agents/{id}/ready", (string id) => Report(roster, id, null));
        app.MapPost("/v1/agents/{id}/failed", async (string id, HttpRequest request) =>
            Report(roster, id, (await ReadAsync<AgentReport>(request).ConfigureAwait(false))?.Problem ?? "the agent could not plan its segment"));

        app.MapPost("/v1/agents/{id}/snapshots", async (string id, HttpRequest request) =>
        {
            if (roster.Find(id) is not { } slot)
            {
                return Problem(404, $"no agent {id}");
            }

            if (await ReadAsync<AgentSnapshot>(request).ConfigureAwait(false) is not { } snapshot)
            {
                return Problem(400, "the body is not a snapshot");
            }

            roster.CountSnapshotBytes(request.ContentLength ?? 0);
            roster.Snapshot(slot, snapshot);
            return Results.NoContent();
        });

        app.MapGet("/v1/status", () => Json(new
        {
            Protocol = ProtocolJson.Version,
            Segments = roster.View().Select(v => new { Segment = v.Slot.Segment.ToString(), Agent = v.Slot.Name, State = v.State.ToString().ToLowerInvariant(), v.Connected, v.ActiveVus }),
        }));
    }

    // One JSON line per event, a ping every couple of seconds (so a dead agent shows as a failed
    // write even when no FIN arrived), held until the agent goes or the run closes its channel.
    private static async Task StreamEventsAsync(AgentSlot slot, AgentRoster roster, HttpContext context)
    {
        context.Response.ContentType = "application/x-ndjson";
        context.Response.Headers.CacheControl = "no-store";
        var aborted = context.RequestAborted;
        roster.Connected(slot, true);
        try
        {
            await context.Response.StartAsync(aborted).ConfigureAwait(false);
            var reader = slot.Events.Reader;
            while (!aborted.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(aborted);
                wait.CancelAfter(PingEvery);
                AgentEvent message;
                try
                {
                    message = await reader.ReadAsync(wait.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
                {
                    message = AgentEvent.Ping;
                }
                catch (System.Threading.Channels.ChannelClosedException)
                {
                    return;
                }

                await context.Response.WriteAsync(ProtocolJson.Serialize(message) + "\n", Encoding.UTF8, aborted).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(aborted).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException)
        {
            // The agent went away: the run notices through Connected.
        }
        finally
        {
            roster.Connected(slot, false);
        }
    }

    private static IResult Report(AgentRoster roster, string id, string? problem)
    {
        if (roster.Find(id) is not { } slot)
        {
            return Problem(404, $"no agent {id}");
        }

        roster.Report(slot, problem);
        return Results.NoContent();
    }

    private static async Task<T?> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, ProtocolJson.Options, request.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult Json<T>(T value) => Results.Text(ProtocolJson.Serialize(value), "application/json", Encoding.UTF8);

    private static IResult Problem(int status, string detail) => Results.Problem(detail: detail, statusCode: status);
}
