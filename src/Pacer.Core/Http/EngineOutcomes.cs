using Pacer.Core.Http.Engine;
using Pacer.Core.Judge;

namespace Pacer.Core.Http;

/// <summary>What an engine exchange's failure means for a step, in one place for every command: its kind and a message that says what happened.</summary>
public static class EngineOutcomes
{
    public static FailureKind Classify(HttpFailureKind failure) => failure switch
    {
        HttpFailureKind.Refused => FailureKind.ConnectionRefused,
        HttpFailureKind.HostNotFound => FailureKind.HostNotFound,
        HttpFailureKind.Timeout => FailureKind.Timeout,
        HttpFailureKind.Reset or HttpFailureKind.Closed or HttpFailureKind.StreamReset or HttpFailureKind.GoAway => FailureKind.ConnectionReset,
        HttpFailureKind.BodyTooLarge => FailureKind.BodyTooLarge,
        HttpFailureKind.TlsHandshake or HttpFailureKind.CertificateUntrusted or HttpFailureKind.CertificateExpired or
            HttpFailureKind.CertificateNameMismatch or HttpFailureKind.NotTls or HttpFailureKind.TlsOnPlainPort => FailureKind.TlsError,
        _ => FailureKind.ProtocolError,
    };

    /// <param name="parserMessage">
    /// The connection's own account (the parser's for a bad response, the TLS layer's for a certificate),
    /// which is more precise than the kind and, for TLS, says what to do.
    /// </param>
    public static string Describe(HttpFailureKind failure, string host, int port, TimeSpan timeout, string? parserMessage) => failure switch
    {
        HttpFailureKind.Refused => $"connection refused to {host}:{port}",
        HttpFailureKind.HostNotFound => $"host not found: {host}",
        HttpFailureKind.Timeout => $"timed out after {timeout.TotalMilliseconds:0} ms",
        HttpFailureKind.Reset => $"connection reset by {host}:{port}",
        HttpFailureKind.Closed => $"{host}:{port} closed the connection before the response was complete",
        HttpFailureKind.BodyTooLarge => $"{host}:{port}: {parserMessage ?? "response body too large"}",
        HttpFailureKind.Protocol or HttpFailureKind.HeaderTooLarge when parserMessage is not null => $"invalid HTTP response from {host}:{port}: {parserMessage}",
        _ when parserMessage is not null => parserMessage,
        _ => $"invalid HTTP response from {host}:{port}",
    };
}
