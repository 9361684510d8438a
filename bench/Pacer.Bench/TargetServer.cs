using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Pacer.Bench;

/// <summary>
/// <c>Pacer.Bench serve PORT [--stall-every 10s --stall-for 1s]</c>: a fixed 200 JSON answer on
/// 127.0.0.1, for targets nginx cannot be: more than its 8,192 connections (the 10,000-VU memory
/// check) and a server that stalls every response for a while once in a period (the
/// coordinated-omission check: a stall holds every request that arrives during it). The fixed-rate
/// check's target, which must hold to the microsecond, is <see cref="PreciseHoldServer"/>.
/// </summary>
internal static class TargetServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        var port = int.Parse(args[1], CultureInfo.InvariantCulture);
        var stallEvery = Option(args, "--stall-every");
        var stallFor = Option(args, "--stall-for");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Limits.MaxConcurrentConnections = null;
            kestrel.ListenLocalhost(port);
        });
        await using var app = builder.Build();
        var started = Stopwatch.GetTimestamp();
        app.Map("/", async (HttpContext context) =>
        {
            if (stallEvery is { } every && stallFor is { } length)
            {
                // Inside the first `length` of every `every`, hold the answer until that window ends.
                var intoPeriod = TimeSpan.FromTicks(Stopwatch.GetElapsedTime(started).Ticks % every.Ticks);
                if (intoPeriod < length)
                {
                    await Task.Delay(length - intoPeriod, context.RequestAborted);
                }
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
