using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Storefront.Api.Features.Inventory;

/// <summary>
/// <c>GET /inventory/stream</c>: Server-Sent Events of stock and price changes. Written by hand
/// rather than with TypedResults.ServerSentEvents because idle heartbeats are SSE comments.
/// </summary>
internal static class InventoryStreamEndpoint
{
    public static async Task StreamAsync(
        HttpContext context,
        InventoryEventFeed stream,
        IOptions<InventoryOptions> options,
        string? lastEventId,
        CancellationToken cancellationToken)
    {
        var resumeFrom = ParseLastEventId(context.Request.Headers["Last-Event-ID"].ToString())
            ?? ParseLastEventId(lastEventId);
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        using var subscription = stream.Subscribe(resumeFrom);
        var heartbeat = options.Value.StreamHeartbeat;
        try
        {
            // The retry hint and an opening comment flush the headers so clients see the stream open.
            await WriteAsync(response, "retry: 3000\n: connected\n\n", cancellationToken);
            while (!cancellationToken.IsCancellationRequested)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                idle.CancelAfter(heartbeat);
                try
                {
                    if (!await subscription.Events.WaitToReadAsync(idle.Token))
                    {
                        return;
                    }
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    await WriteAsync(response, ": heartbeat\n\n", cancellationToken);
                    continue;
                }

                var batch = new StringBuilder();
                while (subscription.Events.TryRead(out var item))
                {
                    batch.Append("id: ").Append(item.Id).Append('\n')
                        .Append("event: ").Append(item.Type).Append('\n')
                        .Append("data: ").Append(item.Data).Append("\n\n");
                }

                await WriteAsync(response, batch.ToString(), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away: the normal end of a stream.
        }
    }

    private static long? ParseLastEventId(string? value) =>
        long.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.WriteAsync(text, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
