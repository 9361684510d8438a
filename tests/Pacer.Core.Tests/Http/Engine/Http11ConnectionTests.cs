using Pacer.Core.Judge;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Pacer.Core.Http.Engine;
using Xunit;

namespace Pacer.Core.Tests.HttpEngine;

/// <summary>The exchange rules, run once per transport (see the two subclasses at the end).</summary>
public abstract class Http11ConnectionTests
{
    protected abstract bool UseEventLoop { get; }

    private static readonly byte[] Ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"u8.ToArray();

    /// <summary>Each connection answers exactly one request and then closes without saying so.</summary>
    private static RawTcpServer AnswersOneRequestPerConnection() => new((socket, _) =>
    {
        if (RawTcpServer.ReadRequestHead(socket, new byte[4096]))
        {
            socket.Send(Ok);
        }

        socket.Shutdown(SocketShutdown.Both);
    });

    private Http11Connection Connect(int port, bool captureBody = false, TimeSpan? timeout = null) => new(new ConnectionOptions
    {
        Host = "127.0.0.1",
        Port = port,
        UseEventLoop = UseEventLoop,
        CaptureBody = captureBody,
        CapturedHeaders = ["Content-Type"],
        RequestTimeout = timeout ?? TimeSpan.FromSeconds(10),
    });

    private static PreparedRequest Get(int port, string target) => PreparedRequest.Create("GET", $"127.0.0.1:{port}", target);

    [Fact]
    public async Task Sends_many_requests_over_one_keep_alive_connection_against_kestrel()
    {
        await using var server = await KestrelTestServer.StartAsync(app => app.MapGet("/hello", () => Results.Json(new { status = "ok" })));
        using var connection = Connect(server.Port, captureBody: true);
        var request = Get(server.Port, "/hello");

        for (var i = 0; i < 20; i++)
        {
            var result = await connection.SendAsync(request, TestCancellation.Token);
            Assert.True(result.Succeeded, result.Failure.ToString());
            Assert.Equal(200, result.StatusCode);
        }

        Assert.Equal(1, connection.ConnectCount);
        Assert.Equal("{\"status\":\"ok\"}", Encoding.UTF8.GetString(connection.Response.Body.Span));
        Assert.StartsWith("application/json", connection.Response.GetHeader("content-type"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decodes_a_chunked_response_and_posts_a_body_to_kestrel()
    {
        await using var server = await KestrelTestServer.StartAsync(app => app.MapPost("/echo", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var text = await reader.ReadToEndAsync();
            await context.Response.WriteAsync("got:");
            await context.Response.Body.FlushAsync();
            await context.Response.WriteAsync(text);
        }));
        using var connection = Connect(server.Port, captureBody: true);

        var result = await connection.SendAsync(PreparedRequest.Create("POST", "x", "/echo", body: "payload"u8.ToArray()), TestCancellation.Token);

        Assert.True(result.Succeeded, result.Failure.ToString());
        Assert.True(connection.Response.IsChunked);
        Assert.Equal("got:payload", Encoding.UTF8.GetString(connection.Response.Body.Span));
    }

    [Fact]
    public async Task Opens_a_new_connection_after_each_connection_close_response()
    {
        await using var server = await KestrelTestServer.StartAsync(app => app.MapGet("/bye", (HttpContext context) =>
        {
            context.Response.Headers.Connection = "close";
            return "bye";
        }));
        using var connection = Connect(server.Port);

        for (var i = 0; i < 5; i++)
        {
            var result = await connection.SendAsync(Get(server.Port, "/bye"), TestCancellation.Token);
            Assert.True(result.Succeeded, result.Failure.ToString());
            Assert.False(result.Reconnected);
        }

        Assert.Equal(5, connection.ConnectCount);
    }

    [Fact]
    public async Task Reports_a_reset_from_kestrel_as_a_reset_or_closed_failure()
    {
        await using var server = await KestrelTestServer.StartAsync(app => app.MapGet("/abort", (HttpContext context) => context.Abort()));
        using var connection = Connect(server.Port);

        var result = await connection.SendAsync(Get(server.Port, "/abort"), TestCancellation.Token);

        Assert.Contains(result.Failure, new[] { HttpFailureKind.Reset, HttpFailureKind.Closed });
        Assert.False(connection.IsConnected);
    }

    [Fact]
    public async Task Classifies_an_rst_after_the_request_as_reset()
    {
        using var server = new RawTcpServer((socket, _) =>
        {
            RawTcpServer.ReadRequestHead(socket, new byte[4096]);
            socket.LingerState = new LingerOption(true, 0); // close with RST
            socket.Close();
        });
        using var connection = Connect(server.Port);

        var result = await connection.SendAsync(Get(server.Port, "/"), TestCancellation.Token);

        Assert.Equal(HttpFailureKind.Reset, result.Failure);
    }

    [Fact]
    public async Task Times_out_a_stalled_kestrel_response_within_the_request_timeout()
    {
        await using var server = await KestrelTestServer.StartAsync(app => app.MapGet("/stall", async (HttpContext context) =>
            await Task.Delay(Timeout.Infinite, context.RequestAborted)));
        using var connection = Connect(server.Port, timeout: TimeSpan.FromMilliseconds(300));
        var started = DateTime.UtcNow;

        var result = await connection.SendAsync(Get(server.Port, "/stall"), TestCancellation.Token);

        Assert.Equal(HttpFailureKind.Timeout, result.Failure);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Reports_the_callers_cancellation_as_canceled_not_timeout()
    {
        await using var server = await KestrelTestServer.StartAsync(app => app.MapGet("/stall", async (HttpContext context) =>
            await Task.Delay(Timeout.Infinite, context.RequestAborted)));
        using var connection = Connect(server.Port);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestCancellation.Token);
        cancel.CancelAfter(200);

        var result = await connection.SendAsync(Get(server.Port, "/stall"), cancel.Token);

        Assert.Equal(HttpFailureKind.Canceled, result.Failure);
    }

    [Fact]
    public async Task Counts_a_huge_kestrel_body_and_captures_only_the_allowed_prefix()
    {
        const int size = 20 * 1024 * 1024;
        await using var server = await KestrelTestServer.StartAsync(app => app.MapGet("/huge", async (HttpContext context) =>
        {
            var block = new byte[64 * 1024];
            context.Response.ContentLength = size;
            for (var sent = 0; sent < size; sent += block.Length)
            {
                await context.Response.Body.WriteAsync(block);
            }
        }));
        using var connection = new Http11Connection(new ConnectionOptions
        {
            Host = "127.0.0.1",
            Port = server.Port,
            UseEventLoop = UseEventLoop,
            CaptureBody = true,
            MaxCapturedBodyBytes = 1024,
        });

        var result = await connection.SendAsync(Get(server.Port, "/huge"), TestCancellation.Token);

        Assert.True(result.Succeeded, result.Failure.ToString());
        Assert.Equal(size, result.BodyBytes);
        Assert.Equal(1024, connection.Response.Body.Length);
        Assert.True(connection.Response.BodyTruncated);
    }

    [Fact]
    public async Task Reports_refused_when_nothing_listens()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var connection = Connect(port);

        var result = await connection.SendAsync(Get(port, "/"), TestCancellation.Token);

        Assert.Equal(HttpFailureKind.Refused, result.Failure);
    }

    [Fact]
    public async Task Retries_an_idempotent_request_once_when_the_idle_connection_was_closed()
    {
        using var server = AnswersOneRequestPerConnection();
        using var connection = Connect(server.Port);
        Assert.True((await connection.SendAsync(Get(server.Port, "/"), TestCancellation.Token)).Succeeded);
        await Task.Delay(100, TestCancellation.Token);

        var second = await connection.SendAsync(Get(server.Port, "/"), TestCancellation.Token);

        Assert.True(second.Succeeded, second.Failure.ToString());
        Assert.True(second.Reconnected);
        Assert.Equal(2, connection.ConnectCount);
    }

    [Fact]
    public async Task Does_not_retry_a_post_when_the_idle_connection_was_closed()
    {
        using var server = AnswersOneRequestPerConnection();
        using var connection = Connect(server.Port);
        Assert.True((await connection.SendAsync(Get(server.Port, "/"), TestCancellation.Token)).Succeeded);
        await Task.Delay(100, TestCancellation.Token);

        var post = await connection.SendAsync(PreparedRequest.Create("POST", "h", "/"), TestCancellation.Token);

        Assert.Contains(post.Failure, new[] { HttpFailureKind.Closed, HttpFailureKind.Reset });
        Assert.False(post.Reconnected);
    }

    [Fact]
    public async Task Reports_closed_when_the_server_hangs_up_mid_body()
    {
        using var server = new RawTcpServer((socket, _) =>
        {
            RawTcpServer.ReadRequestHead(socket, new byte[4096]);
            socket.Send("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial"u8.ToArray());
            socket.Shutdown(SocketShutdown.Both);
        });
        using var connection = Connect(server.Port);

        var result = await connection.SendAsync(Get(server.Port, "/"), TestCancellation.Token);

        Assert.Equal(HttpFailureKind.Closed, result.Failure);
        Assert.Equal(200, result.StatusCode);
        Assert.Equal(7, result.BodyBytes);
    }

    [Fact]
    public async Task Reads_no_body_for_head_and_keeps_the_connection_for_the_next_get()
    {
        await using var server = await KestrelTestServer.StartAsync(app => app.MapMethods("/doc", ["GET", "HEAD"], () => Results.Text("twelve bytes")));
        using var connection = Connect(server.Port, captureBody: true);

        var head = await connection.SendAsync(PreparedRequest.Create("HEAD", "x", "/doc"), TestCancellation.Token);
        var get = await connection.SendAsync(Get(server.Port, "/doc"), TestCancellation.Token);

        Assert.True(head.Succeeded, head.Failure.ToString());
        Assert.Equal(0, head.BodyBytes);
        Assert.True(get.Succeeded, get.Failure.ToString());
        Assert.Equal("twelve bytes", Encoding.UTF8.GetString(connection.Response.Body.Span));
        Assert.Equal(1, connection.ConnectCount);
    }

    [Fact]
    public async Task Honours_the_callers_token_when_the_request_timeout_is_infinite()
    {
        using var server = new RawTcpServer((socket, _) =>
        {
            RawTcpServer.ReadRequestHead(socket, new byte[4096]);
            socket.Receive(new byte[1]); // never answers; returns when the client goes away
        });
        using var connection = new Http11Connection(new ConnectionOptions
        {
            Host = "127.0.0.1",
            Port = server.Port,
            UseEventLoop = UseEventLoop,
            RequestTimeout = Timeout.InfiniteTimeSpan,
        });
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestCancellation.Token);
        cancel.CancelAfter(200);

        var result = await connection.SendAsync(Get(server.Port, "/"), cancel.Token);

        Assert.Equal(HttpFailureKind.Canceled, result.Failure);
        Assert.False(connection.IsConnected);
    }

    [Fact]
    public async Task Recovers_on_the_same_object_after_a_timeout()
    {
        await using var server = await KestrelTestServer.StartAsync(app =>
        {
            app.MapGet("/stall", async (HttpContext context) => await Task.Delay(Timeout.Infinite, context.RequestAborted));
            app.MapGet("/fast", () => "fast");
        });
        // Long enough that the fresh connection for /fast never hits it on a loaded machine.
        using var connection = Connect(server.Port, timeout: TimeSpan.FromSeconds(1));

        var stalled = await connection.SendAsync(Get(server.Port, "/stall"), TestCancellation.Token);
        var fast = await connection.SendAsync(Get(server.Port, "/fast"), TestCancellation.Token);

        Assert.Equal(HttpFailureKind.Timeout, stalled.Failure);
        Assert.True(fast.Succeeded, fast.Failure.ToString());
        Assert.Equal(2, connection.ConnectCount);
    }
}

/// <summary>Pacer's epoll event loop (the default on Linux x86-64).</summary>
public sealed class Http11ConnectionOverEventLoopTests : Http11ConnectionTests
{
    protected override bool UseEventLoop => true;
}

/// <summary>.NET's async sockets (the portable fallback).</summary>
public sealed class Http11ConnectionOverSocketsTests : Http11ConnectionTests
{
    protected override bool UseEventLoop => false;
}
