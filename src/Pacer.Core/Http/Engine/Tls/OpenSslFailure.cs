using System.Net.Sockets;

namespace Pacer.Core.Http.Engine.Tls;

/// <summary>
/// Turns what OpenSSL reports after a failed handshake or read (the certificate check's result,
/// the first queued error, errno) into one failure kind with a message saying what to do.
/// </summary>
internal static class OpenSslFailure
{
    // X509_V_ERR_* (x509_vfy.h)
    private const long CertificateNotYetValid = 9;
    private const long CertificateExpired = 10;
    private const long HostnameMismatch = 62;
    private const long IpAddressMismatch = 64;

    // SSL_R_* (sslerr.h); alerts the server sent are 1000 + the alert number.
    private const int WrongVersionNumber = 267;
    private const int PacketLengthTooLong = 198;
    private const int RecordLayerFailure = 313;
    private const int AlertBadCertificate = 1042;
    private const int AlertCertificateUnknown = 1046;
    private const int AlertUnknownCa = 1048;
    private const int AlertAccessDenied = 1049;
    private const int AlertHandshakeFailure = 1040;
    private const int AlertCertificateRequired = 1116;

    /// <summary>
    /// The server closed a new TLS connection before any response. A server that requires a client
    /// certificate does that in TLS 1.3 (the handshake ends on the client's side first); say so when none was given.
    /// </summary>
    public static Exception? ClosedBeforeAnyData(string peer, TlsOptions options) => options.ClientCertificateFile is null
        ? new TlsFailureException(HttpFailureKind.TlsHandshake, $"{peer} closed the connection right after the TLS handshake: does it require a client certificate? (--cert FILE --key FILE)")
        : null;

    public static Exception Classify(nint ssl, int sslError, int errno, string peer, TlsOptions options, bool handshaking)
    {
        var verify = handshaking && !options.Insecure ? OpenSslNative.SslGetVerifyResult(ssl) : 0;
        var error = OpenSslNative.ErrorGet();
        OpenSslNative.ErrorClear();
        if (verify != 0)
        {
            return Certificate(verify, peer, options);
        }

        if (sslError == OpenSslNative.ErrorSyscall && error == 0)
        {
            if (errno != 0)
            {
                return new SocketException(errno == 104 ? (int)SocketError.ConnectionReset : (int)SocketError.SocketError);
            }

            return handshaking
                ? new TlsFailureException(HttpFailureKind.TlsHandshake, $"{peer} closed the connection during the TLS handshake: is it a TLS port? (use http:// for plain HTTP)")
                : new SocketException((int)SocketError.ConnectionReset);
        }

        var detail = error == 0 ? $"SSL error {sslError}" : OpenSslNative.Describe(error);
        return OpenSslNative.Reason(error) switch
        {
            WrongVersionNumber or PacketLengthTooLong or RecordLayerFailure when handshaking => new TlsFailureException(
                HttpFailureKind.NotTls, $"{peer} answered without TLS (a plain HTTP server on this port?): use http:// for it ({detail})"),
            AlertCertificateRequired => new TlsFailureException(
                HttpFailureKind.TlsHandshake, $"{peer} requires a client certificate: give one with --cert FILE --key FILE ({detail})"),
            AlertBadCertificate or AlertCertificateUnknown or AlertUnknownCa or AlertAccessDenied when options.ClientCertificateFile is not null => new TlsFailureException(
                HttpFailureKind.TlsHandshake, $"{peer} rejected the client certificate {options.ClientCertificateFile}: is it signed by a CA the server trusts? ({detail})"),
            AlertHandshakeFailure => new TlsFailureException(
                HttpFailureKind.TlsHandshake, $"{peer} refused the TLS handshake (no common protocol version or cipher, or a client certificate it needs): {detail}"),
            _ => new TlsFailureException(HttpFailureKind.TlsHandshake, $"TLS with {peer} failed: {detail}"),
        };
    }

    private static TlsFailureException Certificate(long verify, string peer, TlsOptions options)
    {
        var what = OpenSslNative.DescribeVerifyResult(verify);
        return verify switch
        {
            CertificateExpired or CertificateNotYetValid => new TlsFailureException(
                HttpFailureKind.CertificateExpired, $"the certificate of {peer} is not valid now ({what}): renew it on the server, or pass --insecure to test anyway"),
            HostnameMismatch or IpAddressMismatch => new TlsFailureException(
                HttpFailureKind.CertificateNameMismatch, $"the certificate of {peer} is not for {options.ServerName ?? peer[..peer.LastIndexOf(':')]} ({what}): use the name it was issued for, or pass --insecure"),
            _ => new TlsFailureException(
                HttpFailureKind.CertificateUntrusted, $"the certificate of {peer} is not trusted ({what}): pass its CA with --ca-cert FILE, or --insecure for a self-signed test server"),
        };
    }
}
