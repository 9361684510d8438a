using System.Diagnostics;

namespace Pacer.Core.Http.Engine;

/// <summary>
/// Where one request's time went, as k6 records it (nanoseconds): waiting for a connection or an
/// HTTP/2 stream slot (blocked), the TCP connect and the TLS handshake (zero on a reused
/// connection), writing the request, waiting for the first byte of the response (TTFB) and reading
/// the rest. <see cref="DurationNanoseconds"/> is k6's http_req_duration: sending + waiting + receiving.
/// </summary>
public readonly record struct HttpPhaseTimings(
    long BlockedNanoseconds,
    long ConnectingNanoseconds,
    long TlsHandshakingNanoseconds,
    long SendingNanoseconds,
    long WaitingNanoseconds,
    long ReceivingNanoseconds)
{
    public long DurationNanoseconds => SendingNanoseconds + WaitingNanoseconds + ReceivingNanoseconds;

    /// <summary>Nanoseconds between two Stopwatch timestamps (0 when either is missing or they are out of order).</summary>
    internal static long Between(long from, long to) =>
        from == 0 || to <= from ? 0 : Stopwatch.Frequency == 1_000_000_000 ? to - from : (long)((to - from) * (1e9 / Stopwatch.Frequency));
}
