using System.Net;

namespace Pacer.Distributed.Coordinator;

/// <summary>How the coordinator of a distributed run waits for, starts and watches its agents.</summary>
public sealed record CoordinatorSettings
{
    /// <summary>How many agents (and so segments) the run has.</summary>
    public required int Agents { get; init; }

    /// <summary>Where agents reach the coordinator (<c>--listen 0.0.0.0:6565</c>); port 0 picks a free one.</summary>
    public required IPEndPoint Listen { get; init; }

    /// <summary>How long to wait for every agent to register and plan its segment.</summary>
    public TimeSpan AgentTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A running agent silent this long (no snapshot) is lost, even if its connection still looks open
    /// (a network partition). A dead process is noticed sooner, by its closed connection; this is long
    /// because an agent starting tens of thousands of VUs on a busy machine may be late with its first snapshots.
    /// </summary>
    public TimeSpan LostAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Agents are told to start this far ahead, so they all start at the same moment.</summary>
    public TimeSpan StartDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the live panel, thresholds and lost agents are checked.</summary>
    public TimeSpan TickInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Reads <c>HOST:PORT</c> (an IP address, <c>localhost</c>, <c>*</c> or <c>0.0.0.0</c> for every interface); throws <see cref="FormatException"/>.</summary>
    public static IPEndPoint ParseListen(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var port) || port is < 0 or > 65535)
        {
            throw new FormatException($"--listen '{text}': expected HOST:PORT, e.g. 0.0.0.0:6565");
        }

        var host = text[..colon].Trim('[', ']');
        var address = host switch
        {
            "*" or "0.0.0.0" or "+" => IPAddress.Any,
            "localhost" => IPAddress.Loopback,
            _ when IPAddress.TryParse(host, out var parsed) => parsed,
            _ => throw new FormatException($"--listen '{text}': '{host}' is not an IP address (use 0.0.0.0 for every interface)"),
        };
        return new IPEndPoint(address, port);
    }
}
