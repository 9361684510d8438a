using System.Net;

namespace Pacer.Bench;

/// <summary>Command line: MODE URL [-c connections] [-d seconds]. Loopback targets only.</summary>
internal sealed record BenchOptions(string Mode, Uri Url, int Connections, TimeSpan Duration, int Http2Connections = 8)
{
    public const string Usage = "usage: Pacer.Bench engine|h2|httpclient|alloc|alloc-h2|parser http(s)://127.0.0.1:PORT/path [-c 64] [-d 10] [-n 8 (h2 connections)]\n       Pacer.Bench serve PORT [--stall-every 10s --stall-for 1s]";

    public static BenchOptions Parse(string[] args)
    {
        if (args.Length < 2)
        {
            throw new ArgumentException(Usage);
        }
        var url = new Uri(args[1]);
        if (url.Scheme is not ("http" or "https") || !IsLoopback(url.Host))
        {
            throw new ArgumentException($"refusing {url}: only http:// and https:// on a loopback host are benchmarked");
        }
        var connections = 64;
        var seconds = 10.0;
        var http2Connections = 8;
        for (var i = 2; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "-c": connections = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
                case "-d": seconds = double.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
                case "-n": http2Connections = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"unknown option {args[i]}\n{Usage}");
            }
        }
        return new BenchOptions(args[0], url, connections, TimeSpan.FromSeconds(seconds), http2Connections);
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ||
        (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
