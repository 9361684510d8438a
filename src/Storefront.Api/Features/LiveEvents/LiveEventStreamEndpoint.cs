using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Storefront.Api.Infrastructure.Database;

namespace Storefront.Api.Features.LiveEvents;

/// <summary>
/// <c>GET /live-events/{id}/stream</c>: Server-Sent Events. A <c>snapshot</c> first (the whole event: featured products
/// with live price and stock, the pinned product, reactions, the stated delay), then <c>stock</c>, <c>price</c>,
/// <c>pinned</c>, <c>reactions</c> and finally <c>ended</c>. State-based rather than a log: a viewer that reconnects
/// (to this instance or another) gets a fresh snapshot, so there is nothing to replay after a Last-Event-ID.
/// </summary>
internal static class LiveEventStreamEndpoint
{
    private static readonly byte[] Opening = "retry: 3000\n: connected\n\n"u8.ToArray();
    private static readonly byte[] Heartbeat = ": heartbeat\n\n"u8.ToArray();

    public static async Task<IResult> StreamAsync(
        Guid id,
        HttpContext context,
        IServiceScopeFactory scopes,
        LiveEventHub hub,
        IOptions<LiveEventsOptions> options,
        CancellationToken cancellationToken)
    {
        // A scope of its own, ended before streaming: thousands of viewers must not each hold a database context.
        LiveEventState? state;
        await using (var scope = scopes.CreateAsyncScope())
        {
            state = await LiveEventReader.ReadAsync(scope.ServiceProvider.GetRequiredService<StorefrontDbContext>(), id, cancellationToken);
        }

        if (state is null)
        {
            return LiveEventsApi.EventNotFound(id);
        }

        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        using var viewer = hub.Join(state, socketOnly: false);
        try
        {
            await WriteAsync(response, Opening, cancellationToken);
            await PumpAsync(response, viewer, hub, options.Value.StreamHeartbeat, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The viewer left: the normal end of a stream.
        }

        return Results.Empty;
    }

    private static async Task PumpAsync(HttpResponse response, LiveViewer viewer, LiveEventHub hub, TimeSpan heartbeat, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            idle.CancelAfter(heartbeat);
            try
            {
                if (!await viewer.Messages.WaitToReadAsync(idle.Token))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                await WriteAsync(response, Heartbeat, cancellationToken);
                continue;
            }

            if (viewer.TakeLagging())
            {
                while (viewer.Messages.TryRead(out _))
                {
                    // Superseded by the snapshot below.
                }

                if (hub.SnapshotFor(viewer) is { } snapshot)
                {
                    await response.Body.WriteAsync(snapshot.SseFrame, cancellationToken);
                }
            }

            while (viewer.Messages.TryRead(out var message))
            {
                await response.Body.WriteAsync(message.SseFrame, cancellationToken);
            }

            await response.Body.FlushAsync(cancellationToken);
        }
    }

    private static async Task WriteAsync(HttpResponse response, byte[] bytes, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(bytes, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
