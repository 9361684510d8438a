using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Storefront.Api.Tests.Orders;
using Xunit;

namespace Storefront.Api.Tests.LiveEvents;

/// <summary><c>/live-events/{id}/reactions</c> over a real WebSocket: counting, refusing bad or too-fast reactions, the end.</summary>
public sealed class LiveReactionsTests(LiveEventHost host) : IClassFixture<LiveEventHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reactions_are_counted_and_every_viewer_sees_the_totals()
    {
        var live = await host.OpenEventAsync(3);
        using var sender = await ConnectAsync(live.Id);
        using var watcher = await ConnectAsync(live.Id);
        await using var stream = await LiveStreamReader.OpenAsync(host.App.CreateClient(), live.Id, Ct);

        await SendAsync(sender, """{"reaction":"heart"}""");
        await SendAsync(sender, """{"reaction":"heart"}""");
        await SendAsync(sender, """{"reaction":"fire"}""");

        var totals = await ReceiveUntilAsync(watcher, m => m.GetProperty("type").GetString() == "reactions" && Heart(m) == 2 && Fire(m) == 1);
        Assert.Equal(0, totals.GetProperty("data").GetProperty("clap").GetInt64());
        await stream.WaitForAsync(e => e.Type == "reactions" && e.Data.GetProperty("heart").GetInt64() == 2);
        var read = await host.App.CreateClient().GetStringAsync($"/api/v1/live-events/{live.Id}", Ct);
        Assert.Equal(2, JsonDocument.Parse(read).RootElement.GetProperty("reactions").GetProperty("heart").GetInt64());
    }

    [Fact]
    public async Task Unknown_kinds_bad_json_and_reactions_past_the_rate_are_answered_with_errors_and_not_counted()
    {
        var live = await host.OpenEventAsync(3);
        using var socket = await ConnectAsync(live.Id);

        await SendAsync(socket, """{"reaction":"thumbsdown"}""");
        Assert.Equal("invalid_reaction", Code(await ReceiveAsync(socket)));
        await SendAsync(socket, "not json");
        Assert.Equal("invalid_json", Code(await ReceiveAsync(socket)));

        // Five a second are allowed: twelve sent at once leave at least some refused, and only the rest are counted.
        const int Sent = 12;
        for (var i = 0; i < Sent; i++)
        {
            await SendAsync(socket, """{"reaction":"wow"}""");
        }

        var refused = 0;
        var counted = -1L;
        while (counted != Sent - refused)
        {
            var message = await ReceiveAsync(socket);
            if (message.GetProperty("type").GetString() == "error")
            {
                Assert.Equal("too_fast", Code(message));
                refused++;
            }
            else if (message.GetProperty("type").GetString() == "reactions")
            {
                counted = message.GetProperty("data").GetProperty("wow").GetInt64();
            }
        }

        Assert.InRange(refused, 1, Sent - 1);
        var read = JsonDocument.Parse(await host.App.CreateClient().GetStringAsync($"/api/v1/live-events/{live.Id}", Ct)).RootElement;
        Assert.Equal(Sent - refused, read.GetProperty("reactions").GetProperty("wow").GetInt64());
    }

    [Fact]
    public async Task The_socket_is_told_the_event_ended_and_closed_and_a_plain_request_gets_a_problem()
    {
        var live = await host.OpenEventAsync(3);
        using var socket = await ConnectAsync(live.Id);

        (await (await host.CreatorAsync()).PostAsync($"/api/v1/live-events/{live.Id}/end", System.Net.Http.Json.JsonContent.Create(new { }), Ct)).EnsureSuccessStatusCode();

        Assert.Equal("ended", (await ReceiveAsync(socket)).GetProperty("type").GetString());
        var close = await socket.ReceiveAsync(new byte[64], Ct);
        Assert.Equal(WebSocketMessageType.Close, close.MessageType);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.CloseStatus);

        var plain = await host.App.CreateClient().GetAsync($"/api/v1/live-events/{live.Id}/reactions", Ct);
        Assert.Equal("websocket_required", (await plain.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("code").GetString());
        var endedError = await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(live.Id));
        Assert.Contains("409", endedError.Message, StringComparison.Ordinal);
    }

    private async Task<WebSocket> ConnectAsync(Guid eventId) =>
        await host.App.Server.CreateWebSocketClient().ConnectAsync(new Uri(host.App.Server.BaseAddress, $"api/v1/live-events/{eventId}/reactions"), Ct);

    private static Task SendAsync(WebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, Ct);

    private static async Task<JsonElement> ReceiveAsync(WebSocket socket)
    {
        using var within = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        within.CancelAfter(TimeSpan.FromSeconds(10));
        var buffer = new byte[4096];
        var length = 0;
        ValueWebSocketReceiveResult received;
        do
        {
            received = await socket.ReceiveAsync(buffer.AsMemory(length), within.Token);
            length += received.Count;
        }
        while (!received.EndOfMessage);

        Assert.Equal(WebSocketMessageType.Text, received.MessageType);
        return JsonDocument.Parse(buffer.AsMemory(0, length)).RootElement.Clone();
    }

    private static async Task<JsonElement> ReceiveUntilAsync(WebSocket socket, Func<JsonElement, bool> wanted)
    {
        while (true)
        {
            var message = await ReceiveAsync(socket);
            if (wanted(message))
            {
                return message;
            }
        }
    }

    private static long Heart(JsonElement message) => message.GetProperty("data").GetProperty("heart").GetInt64();

    private static long Fire(JsonElement message) => message.GetProperty("data").GetProperty("fire").GetInt64();

    private static string? Code(JsonElement message) => message.GetProperty("data").GetProperty("code").GetString();
}
