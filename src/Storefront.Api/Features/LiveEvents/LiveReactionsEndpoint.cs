using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Storefront.Api.Infrastructure.Database;
using Storefront.Api.Infrastructure.Errors;

namespace Storefront.Api.Features.LiveEvents;

/// <summary>
/// <c>GET /live-events/{id}/reactions</c> (WebSocket). A viewer sends <c>{"reaction": "heart"}</c> (one of
/// <see cref="LiveEventRules.ReactionKinds"/>) and receives <c>{"type": "reactions", "data": {…totals…}}</c> as the
/// totals move, then <c>{"type": "ended", …}</c> and a normal close. Each socket may send
/// <see cref="LiveEventsOptions.ReactionsPerSecond"/>; anything else (too fast, unknown kind, not JSON, past 1 KiB)
/// is answered <c>{"type": "error", "data": {"code": …, "detail": …}}</c> and not counted.
/// </summary>
internal static class LiveReactionsEndpoint
{
    private const int MaxMessageBytes = 1024;

    public static async Task<IResult> ConnectAsync(
        Guid id,
        HttpContext context,
        IServiceScopeFactory scopes,
        LiveEventHub hub,
        IOptions<LiveEventsOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return StorefrontProblems.BadRequest(
                "This endpoint speaks WebSocket: connect with an Upgrade: websocket request (ws:// or wss://).", "websocket_required");
        }

        LiveEventState? state;
        await using (var scope = scopes.CreateAsyncScope())
        {
            state = await LiveEventReader.ReadAsync(scope.ServiceProvider.GetRequiredService<StorefrontDbContext>(), id, cancellationToken);
        }

        if (state is null)
        {
            return LiveEventsApi.EventNotFound(id);
        }

        if (!state.IsLive)
        {
            return LiveEventsApi.EventEnded(id);
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var viewer = hub.Join(state, socketOnly: true);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // A WebSocket allows one send at a time: the totals and the error answers take turns.
        using var sendTurn = new SemaphoreSlim(1, 1);
        var sending = SendAsync(socket, viewer, sendTurn, stop.Token);
        try
        {
            await ReceiveAsync(socket, id, hub, new ReactionBudget(options.Value.ReactionsPerSecond, time), sendTurn, stop.Token);
        }
        catch (Exception error) when (error is OperationCanceledException or WebSocketException)
        {
            // The viewer went away.
        }
        finally
        {
            await stop.CancelAsync();
            await sending;
        }

        return Results.Empty;
    }

    private static async Task ReceiveAsync(
        WebSocket socket, Guid eventId, LiveEventHub hub, ReactionBudget budget, SemaphoreSlim sendTurn, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxMessageBytes];
        while (socket.State == WebSocketState.Open)
        {
            var length = 0;
            ValueWebSocketReceiveResult received;
            do
            {
                if (length == buffer.Length)
                {
                    await Turn(sendTurn, () => socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, $"messages are at most {MaxMessageBytes} bytes", cancellationToken), cancellationToken);
                    return;
                }

                received = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
                length += received.Count;
            }
            while (!received.EndOfMessage);

            if (received.MessageType == WebSocketMessageType.Close)
            {
                await Turn(sendTurn, () => socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", cancellationToken), cancellationToken);
                return;
            }

            var error = Read(buffer.AsSpan(0, length), out var kind);
            if (error is null && !budget.TryTake())
            {
                error = ("too_fast", "At most " + budget.PerSecond + " reactions a second; this one was not counted.");
            }

            if (error is { } problem)
            {
                var text = JsonSerializer.SerializeToUtf8Bytes(new { type = "error", data = new { code = problem.Code, detail = problem.Detail } });
                await Turn(sendTurn, () => socket.SendAsync(new ReadOnlyMemory<byte>(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken).AsTask(), cancellationToken);
                continue;
            }

            hub.AddReaction(eventId, kind!);
        }
    }

    private static (string Code, string Detail)? Read(ReadOnlySpan<byte> message, out string? kind)
    {
        kind = null;
        try
        {
            var reader = new Utf8JsonReader(message);
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("reaction", out var value)
                && value.ValueKind == JsonValueKind.String
                && Array.IndexOf(LiveEventRules.ReactionKinds, value.GetString()) is >= 0 and var index)
            {
                kind = LiveEventRules.ReactionKinds[index];
                return null;
            }

            return ("invalid_reaction", "Send {\"reaction\": K} with K one of: " + string.Join(", ", LiveEventRules.ReactionKinds) + ".");
        }
        catch (JsonException)
        {
            return ("invalid_json", "A message must be a JSON object such as {\"reaction\": \"heart\"}.");
        }
    }

    private static async Task SendAsync(WebSocket socket, LiveViewer viewer, SemaphoreSlim sendTurn, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in viewer.Messages.ReadAllAsync(cancellationToken))
            {
                await Turn(sendTurn, () => socket.SendAsync(message.SocketText, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).AsTask(), cancellationToken);
                if (message.Type == "ended")
                {
                    await Turn(sendTurn, () => socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "the event ended", cancellationToken), cancellationToken);
                    return;
                }
            }
        }
        catch (Exception error) when (error is OperationCanceledException or WebSocketException)
        {
            // Closed from either side.
        }
    }

    private static async Task Turn(SemaphoreSlim sendTurn, Func<Task> send, CancellationToken cancellationToken)
    {
        await sendTurn.WaitAsync(cancellationToken);
        try
        {
            await send();
        }
        finally
        {
            sendTurn.Release();
        }
    }

    /// <summary>A token bucket of one second's reactions, refilled continuously.</summary>
    private sealed class ReactionBudget(int perSecond, TimeProvider time)
    {
        private double _tokens = Math.Max(1, perSecond);
        private long _last = time.GetTimestamp();

        public int PerSecond { get; } = Math.Max(1, perSecond);

        public bool TryTake()
        {
            var now = time.GetTimestamp();
            _tokens = Math.Min(PerSecond, _tokens + (time.GetElapsedTime(_last, now).TotalSeconds * PerSecond));
            _last = now;
            if (_tokens < 1)
            {
                return false;
            }

            _tokens--;
            return true;
        }
    }
}
