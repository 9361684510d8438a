namespace Storefront.Api.Infrastructure.Metrics;

/// <summary>Connection and command counters fed by <see cref="ConnectionMetricsInterceptor"/>.</summary>
public sealed class DatabaseConnectionMetrics
{
    private long _open;
    private long _opened;
    private long _openFailures;
    private long _commands;
    private long _commandFailures;

    public long OpenConnections => Interlocked.Read(ref _open);

    public long ConnectionsOpenedTotal => Interlocked.Read(ref _opened);

    public long ConnectionOpenFailuresTotal => Interlocked.Read(ref _openFailures);

    public long CommandsTotal => Interlocked.Read(ref _commands);

    public long CommandFailuresTotal => Interlocked.Read(ref _commandFailures);

    public void ConnectionOpened()
    {
        Interlocked.Increment(ref _open);
        Interlocked.Increment(ref _opened);
    }

    public void ConnectionClosed() => Interlocked.Decrement(ref _open);

    public void ConnectionFailed() => Interlocked.Increment(ref _openFailures);

    public void CommandExecuted() => Interlocked.Increment(ref _commands);

    public void CommandFailed() => Interlocked.Increment(ref _commandFailures);
}
