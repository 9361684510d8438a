using System.Collections.Concurrent;

namespace Pacer.Cli.Tests.TestApi;

/// <summary>What the test API remembers: issued tokens, projects, per-key call counts, the mode.</summary>
public sealed class TestApiState
{
    private int nextProjectId = 100;
    private int counter;

    private volatile ServerMode mode = ServerMode.Healthy;

    public ServerMode Mode
    {
        get => mode;
        set => mode = value;
    }

    public ConcurrentDictionary<string, string> Tokens { get; } = new();

    public ConcurrentDictionary<int, string> Projects { get; } = new();

    public ConcurrentDictionary<string, int> Calls { get; } = new();

    /// <summary>Every request path in arrival order, to prove what was (not) sent.</summary>
    public ConcurrentQueue<string> RequestLog { get; } = new();

    public int NextProjectId() => Interlocked.Increment(ref nextProjectId);

    public int Counter => Volatile.Read(ref counter);

    public int IncrementCounter() => Interlocked.Increment(ref counter);

    public int CountCall(string key) => Calls.AddOrUpdate(key, 1, (_, n) => n + 1);
}
