using Pacer.Core.Http;
using Pacer.Load.Results;

namespace Pacer.Load.Runtime;

/// <summary>Remembers which HTTP paths a run used and why HttpClient was needed, for <see cref="LoadResult.Transport"/>.</summary>
public sealed class TransportUsage
{
    private volatile bool _engine;
    private string? _clientReason;

    public bool UsedEngine => _engine;

    public bool UsedClient => Volatile.Read(ref _clientReason) is not null;

    /// <summary>Raised once, the first time HttpClient is needed, with the reason.</summary>
    public event Action<string>? FellBackToClient;

    public void Engine()
    {
        if (!_engine)
        {
            _engine = true;
        }
    }

    public void Client(string reason)
    {
        if (Volatile.Read(ref _clientReason) is null && Interlocked.CompareExchange(ref _clientReason, reason, null) is null)
        {
            FellBackToClient?.Invoke(reason);
        }
    }

    public LoadTransportInfo ToInfo() => (UsedEngine, UsedClient) switch
    {
        (_, false) => new LoadTransportInfo { Kind = TransportChoice.Engine },
        (false, true) => new LoadTransportInfo { Kind = TransportChoice.HttpClient, Reason = Volatile.Read(ref _clientReason) },
        _ => new LoadTransportInfo { Kind = TransportChoice.Mixed, Reason = Volatile.Read(ref _clientReason) },
    };
}
