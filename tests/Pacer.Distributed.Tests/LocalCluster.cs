using System.Text.RegularExpressions;
using Pacer.TestSupport;

namespace Pacer.Distributed.Tests;

/// <summary>
/// A coordinator and its agents as real <c>pacer</c> processes on 127.0.0.1: the coordinator listens
/// on a port of its own choosing (printed), then the agents are started against it, agent i asking
/// for segment i (as an Indexed Job's pods do), so a test knows which agent runs which segment.
/// </summary>
internal sealed partial class LocalCluster : IAsyncDisposable
{
    private LocalCluster(CliProcess coordinator, Uri address, List<CliProcess> agents)
    {
        Coordinator = coordinator;
        Address = address;
        Agents = agents;
    }

    public CliProcess Coordinator { get; }

    public Uri Address { get; }

    public List<CliProcess> Agents { get; }

    public static async Task<LocalCluster> StartAsync(string directory, int agents, string[] loadArguments, Func<int, string[]>? agentArguments, CancellationToken cancellationToken)
    {
        var coordinator = Pacer.Start(directory, ["load", .. loadArguments, "--agents", agents.ToString(System.Globalization.CultureInfo.InvariantCulture), "--listen", "127.0.0.1:0", "--no-history"]);
        await coordinator.WaitForOutputAsync("coordinator: waiting for", TimeSpan.FromSeconds(60), cancellationToken);
        var address = new Uri(Waiting().Match(coordinator.Out).Groups[1].Value);
        var started = Enumerable.Range(0, agents)
            .Select(i => Pacer.Start(directory, ["agent", "--coordinator", address.ToString(), "--name", $"agent-{i}", "--segment-index", Index(i), .. agentArguments?.Invoke(i) ?? []]))
            .ToList();
        return new LocalCluster(coordinator, address, started);
    }

    private static string Index(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every process's exit code (the coordinator's first), or a timeout naming what each printed.</summary>
    public async Task<int[]> WaitForExitAsync(TimeSpan limit, CancellationToken cancellationToken) =>
        await Task.WhenAll(new[] { Coordinator }.Concat(Agents).Select(p => p.WaitForExitAsync(limit, cancellationToken)));

    public override string ToString() =>
        $"=== coordinator\n{Coordinator}\n" + string.Join("\n", Agents.Select((a, i) => $"=== agent {i}\n{a}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Agents.Append(Coordinator))
        {
            await process.DisposeAsync();
        }
    }

    [GeneratedRegex(@"coordinator: waiting for \d+ agent\(s\) at (\S+)")]
    private static partial Regex Waiting();
}
