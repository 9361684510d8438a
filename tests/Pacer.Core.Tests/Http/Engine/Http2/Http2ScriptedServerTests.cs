using System.Collections.Concurrent;
using Pacer.Core.Http.Engine;
using Pacer.Core.Http.Engine.Http2;
using Xunit;

namespace Pacer.Core.Tests.HttpEngine.Http2;

/// <summary>What a server may do to an HTTP/2 client mid-run, scripted frame by frame.</summary>
public sealed class Http2ScriptedServerTests
{
    private static Http2ConnectionPool Pool(int port, int connections = 1) => new(
        new ConnectionOptions { Host = "127.0.0.1", Port = port, CaptureBody = true, RequestTimeout = TimeSpan.FromSeconds(10) },
        connections);

    private static PreparedRequest Get(int port, string path) => PreparedRequest.Create("GET", $"127.0.0.1:{port}", path);

    private static async Task<(HttpExchangeResult Result, string? Message)[]> SendAllAsync(Http2ConnectionPool pool, int port, params string[] paths)
    {
        var channels = paths.Select(_ => pool.CreateChannel()).ToArray();
        var results = await Task.WhenAll(paths.Select(async (path, i) =>
        {
            var result = await channels[i].SendAsync(Get(port, path), TestCancellation.Token);
            return (result, channels[i].Response.ErrorMessage);
        }));
        return results;
    }

    [Fact]
    public async Task Honours_a_server_lowering_max_concurrent_streams_mid_connection()
    {
        var mostOpenAfterLowering = 0;
        var firstWave = 10;
        using var server = new RawHttp2Server(connection =>
        {
            var acked = 0;
            for (var i = 0; i < firstWave; i++)
            {
                var (stream, _) = connection.ReadRequest(ref acked)!.Value;
                if (i == firstWave - 1)
                {
                    connection.Settings((3, 2)); // lowered before the last answer of the first wave
                }

                connection.Respond(stream, 200, "first");
            }

            // From here the client has the new limit: hold answers until nothing new arrives for 100 ms.
            var open = new Queue<int>();
            while (true)
            {
                if (open.Count > 0 && !connection.HasData(TimeSpan.FromMilliseconds(100)))
                {
                    connection.Respond(open.Dequeue(), 200, "second");
                    continue;
                }

                if (connection.ReadRequest(ref acked) is not { } request)
                {
                    return;
                }

                open.Enqueue(request.StreamId);
                mostOpenAfterLowering = Math.Max(mostOpenAfterLowering, open.Count);
            }
        });
        using var pool = Pool(server.Port);

        var first = await SendAllAsync(pool, server.Port, [.. Enumerable.Repeat("/a", firstWave)]);
        Assert.All(first, r => Assert.Equal(200, r.Result.StatusCode));
        var second = await SendAllAsync(pool, server.Port, [.. Enumerable.Repeat("/b", 6)]);

        Assert.All(second, r => Assert.Equal(200, r.Result.StatusCode));
        Assert.Equal(2, mostOpenAfterLowering);
        Assert.Equal(1, pool.ConnectCount);
    }

    [Fact]
    public async Task Goaway_fails_only_the_request_it_cut_off_and_resends_the_unprocessed_ones_on_a_new_connection()
    {
        using var server = new RawHttp2Server(connection =>
        {
            var acked = 0;
            if (connection.Index > 0)
            {
                while (connection.ReadRequest(ref acked) is { } request)
                {
                    connection.Respond(request.StreamId, 200, "second connection");
                }

                return;
            }

            var streams = new List<int>();
            for (var i = 0; i < 4; i++)
            {
                streams.Add(connection.ReadRequest(ref acked)!.Value.StreamId);
            }

            streams.Sort();
            // Streams 1 and 3 were "processed"; only 1 is answered before the connection ends. 5 and 7 never were.
            connection.GoAway(streams[1], 2);
            connection.Respond(streams[0], 200, "answered");
        });
        using var pool = Pool(server.Port);

        var results = await SendAllAsync(pool, server.Port, "/1", "/2", "/3", "/4");

        Assert.Equal(3, results.Count(r => r.Result.StatusCode == 200));
        var cutOff = Assert.Single(results, r => !r.Result.Succeeded);
        Assert.Equal(HttpFailureKind.GoAway, cutOff.Result.Failure);
        Assert.Contains("INTERNAL_ERROR", cutOff.Message, StringComparison.Ordinal);
        Assert.Equal(2, results.Count(r => r.Result.Reconnected));

        // The run goes on: the next request is answered on the new connection.
        var after = await SendAllAsync(pool, server.Port, "/5");
        Assert.Equal(200, after[0].Result.StatusCode);
        Assert.Equal(2, pool.ConnectCount);
    }

    [Fact]
    public async Task Rst_stream_fails_its_request_only_and_a_refused_stream_is_sent_again()
    {
        var refusedOnce = new ConcurrentDictionary<string, bool>();
        using var server = new RawHttp2Server(connection =>
        {
            var acked = 0;
            while (connection.ReadRequest(ref acked) is { } request)
            {
                switch (request.Path)
                {
                    case "/reset":
                        connection.Reset(request.StreamId, 2);
                        break;
                    case "/refuse" when refusedOnce.TryAdd("/refuse", true):
                        connection.Reset(request.StreamId, 7);
                        break;
                    default:
                        connection.Respond(request.StreamId, 200, "ok " + request.Path);
                        break;
                }
            }
        });
        using var pool = Pool(server.Port);

        var results = await SendAllAsync(pool, server.Port, "/ok", "/reset", "/refuse", "/ok2");

        Assert.Equal(200, results[0].Result.StatusCode);
        Assert.Equal(HttpFailureKind.StreamReset, results[1].Result.Failure);
        Assert.Contains("INTERNAL_ERROR", results[1].Message, StringComparison.Ordinal);
        Assert.Equal(200, results[2].Result.StatusCode);
        Assert.True(results[2].Result.Reconnected);
        Assert.Equal(200, results[3].Result.StatusCode);
        Assert.Equal(1, pool.ConnectCount);
    }

    [Fact]
    public async Task A_server_that_never_answers_times_the_stream_out_and_the_connection_stays_usable()
    {
        using var server = new RawHttp2Server(connection =>
        {
            var acked = 0;
            while (connection.ReadRequest(ref acked) is { } request)
            {
                if (request.Path != "/stall")
                {
                    connection.Respond(request.StreamId, 200, "ok");
                }
            }
        });
        using var pool = new Http2ConnectionPool(new ConnectionOptions { Host = "127.0.0.1", Port = server.Port, RequestTimeout = TimeSpan.FromMilliseconds(300) }, 1);

        var results = await SendAllAsync(pool, server.Port, "/stall", "/fine");

        Assert.Equal(HttpFailureKind.Timeout, results[0].Result.Failure);
        Assert.Equal(200, results[1].Result.StatusCode);
        Assert.Equal(200, (await SendAllAsync(pool, server.Port, "/again"))[0].Result.StatusCode);
        Assert.Equal(1, pool.ConnectCount);
    }
}
