using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Pacer.Bench;

/// <summary>
/// <c>Pacer.Bench serve PORT [--stall-every 10s --stall-for 1s] [--hold 0.005s]</c>: a fixed 200 JSON
/// answer on 127.0.0.1, for targets nginx cannot be: more than its 8,192 connections (the
/// 10,000-VU memory check), a server that stalls every response for a while once in a period (the
/// coordinated-omission check: a stall holds every request that arrives during it), and a server
/// that holds every answer for a fixed time and measures how long it really held each one (the
/// fixed-rate check: <c>GET /__holds</c> gives the exact percentiles of those hold times, which is
/// what a client sending on schedule must report, give or take the loopback round trip;
/// <c>GET /__holds?reset</c> starts afresh).
/// </summary>
internal static class TargetServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        var port = int.Parse(args[1], CultureInfo.InvariantCulture);
        var stallEvery = Option(args, "--stall-every");
        var stallFor = Option(args, "--stall-for");
        var hold = Option(args, "--hold");
        var holds = new HoldTimes();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Limits.MaxConcurrentConnections = null;
            kestrel.ListenLocalhost(port);
        });
        await using var app = builder.Build();
        var started = Stopwatch.GetTimestamp();
        app.Map("/__holds", (HttpContext context) => context.Request.Query.ContainsKey("reset") ? holds.Reset() : holds.Summary());
        app.Map("/", async (HttpContext context) =>
        {
            var arrived = Stopwatch.GetTimestamp();
            if (stallEvery is { } every && stallFor is { } length)
            {
                // Inside the first `length` of every `every`, hold the answer until that window ends.
                var intoPeriod = TimeSpan.FromTicks(Stopwatch.GetElapsedTime(started).Ticks % every.Ticks);
                if (intoPeriod < length)
                {
                    await Task.Delay(length - intoPeriod, context.RequestAborted);
                }
            }

            if (hold is { } holdFor)
            {
                await Task.Delay(holdFor, context.RequestAborted);
                holds.Add(Stopwatch.GetElapsedTime(arrived));
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"status":"ok"}""", context.RequestAborted);
        });
        Console.WriteLine($"serving http://127.0.0.1:{port}/");
        await app.RunAsync();
        return 0;
    }

    private static TimeSpan? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length
            ? TimeSpan.FromSeconds(double.Parse(args[index + 1].TrimEnd('s'), CultureInfo.InvariantCulture))
            : null;
    }
}
