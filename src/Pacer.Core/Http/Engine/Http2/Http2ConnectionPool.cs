namespace Pacer.Core.Http.Engine.Http2;

/// <summary>
/// N HTTP/2 connections to one host shared by many virtual users (<c>--connections N</c>): each VU
/// gets a channel bound to one connection (VU i to connection i mod N), so the VUs spread evenly
/// and each connection multiplexes its share. A connection that is gone (closed, GOAWAY, failed
/// to connect) is replaced by a new one on the next request that needs it.
/// </summary>
public sealed class Http2ConnectionPool : IDisposable
{
    private readonly ConnectionOptions _options;
    private readonly Http2Connection?[] _connections;
    private readonly Lock _lock = new();
    private int _nextChannel = -1;
    private int _connectCount;
    private ITimer? _sweep;

    // Replaced connections still finishing their streams (after a GOAWAY): swept until they close.
    private readonly List<Http2Connection> _retired = [];

    public Http2ConnectionPool(ConnectionOptions options, int connections)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(connections, 1);
        _options = options;
        _connections = new Http2Connection?[connections];
    }

    public int Connections => _connections.Length;

    /// <summary>How many connections the pool has opened (more than <see cref="Connections"/> after GOAWAYs or failures).</summary>
    public int ConnectCount => Volatile.Read(ref _connectCount);

    /// <summary>A seat for one virtual user: its requests go over connection (seat number mod N).</summary>
    public Http2Channel CreateChannel()
    {
        var slot = (int)((uint)Interlocked.Increment(ref _nextChannel) % (uint)_connections.Length);
        return new Http2Channel(this, new Http2Stream(_options, slot));
    }

    internal void Submit(Http2Stream stream)
    {
        var slot = stream.Slot;
        while (true)
        {
            var connection = Volatile.Read(ref _connections[slot]);
            if (connection is not null && connection.TryEnqueue(stream))
            {
                return;
            }

            lock (_lock)
            {
                if (ReferenceEquals(_connections[slot], connection))
                {
                    // Where connections are not on the event loop (whose sweep serves them), one timer
                    // per pool ends requests past their timeout; it also covers a connection still connecting.
                    _sweep ??= TimeProvider.System.CreateTimer(
                        static state => ((Http2ConnectionPool)state!).Sweep(),
                        this,
                        SweepInterval,
                        Transport.TransportFactory.OnEventLoop(_options) ? IdleSweepInterval : SweepInterval);
                    if (connection is { IsClosed: false })
                    {
                        _retired.Add(connection);
                    }

                    var fresh = new Http2Connection(_options, this);
                    Volatile.Write(ref _connections[slot], fresh);
                    _connectCount++;
                    fresh.Start();
                }
            }
        }
    }

    private static readonly TimeSpan SweepInterval = TimeSpan.FromMilliseconds(5);

    // With the event loop sweeping established connections, the timer only has connections still
    // connecting to look at (a cancelled caller): a slow beat is enough.
    private static readonly TimeSpan IdleSweepInterval = TimeSpan.FromMilliseconds(250);

    private void Sweep()
    {
        for (var i = 0; i < _connections.Length; i++)
        {
            if (Volatile.Read(ref _connections[i]) is { SweptByLoop: false } connection)
            {
                connection.Sweep();
            }
        }

        Http2Connection[]? retired = null;
        lock (_lock)
        {
            if (_retired.Count > 0)
            {
                _retired.RemoveAll(c => c.IsClosed);
                retired = [.. _retired];
            }
        }

        // Outside the lock: a swept stream's VU may start its next request, which may need the pool.
        foreach (var connection in retired ?? [])
        {
            if (!connection.SweptByLoop)
            {
                connection.Sweep();
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _sweep?.Dispose();
            for (var i = 0; i < _connections.Length; i++)
            {
                _connections[i]?.Close();
                _connections[i] = null;
            }

            foreach (var connection in _retired)
            {
                connection.Close();
            }

            _retired.Clear();
        }
    }
}
