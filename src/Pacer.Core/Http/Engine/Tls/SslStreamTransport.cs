using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Pacer.Core.Http.Engine.Transport;

namespace Pacer.Core.Http.Engine.Tls;

/// <summary>
/// TLS through .NET's SslStream over the portable socket transport: where the event loop or
/// OpenSSL 3 is not available, and as the measured alternative to <see cref="OpenSslTransport"/>
/// (docs/load-engine.md says why the loop uses OpenSSL directly).
/// </summary>
internal sealed class SslStreamTransport(TlsOptions options, Alpn alpn, string host, int port) : IConnectionTransport
{
    private static readonly List<SslApplicationProtocol> Http2Protocols = [SslApplicationProtocol.Http2, SslApplicationProtocol.Http11];
    private static readonly List<SslApplicationProtocol> Http11Protocols = [SslApplicationProtocol.Http11];

    private readonly SocketTransport _tcp = new();
    private SslStream? _ssl;
    private SslPolicyErrors _policyErrors;
    private X509ChainStatusFlags _chainErrors;

    public bool IsConnected => _tcp.IsConnected;

    public bool TimedOut => _tcp.TimedOut;

    public string? NegotiatedProtocol { get; private set; }

    public bool ResumedSession => false;

    public void BeginExchange(TimeSpan timeout, CancellationToken callerToken) => _tcp.BeginExchange(timeout, callerToken);

    public void EndExchange() => _tcp.EndExchange();

    public ValueTask ConnectAsync(EndPoint endPoint, TimeSpan connectTimeout) => _tcp.ConnectAsync(endPoint, connectTimeout);

    public async ValueTask HandshakeAsync()
    {
        _ssl = new SslStream(new NetworkStream(_tcp.Socket!, ownsSocket: false), leaveInnerStreamOpen: false);
        _policyErrors = SslPolicyErrors.None;
        _chainErrors = X509ChainStatusFlags.NoError;
        var client = SslStreamSettings.ClientCertificate(options);
        var authentication = new SslClientAuthenticationOptions
        {
            TargetHost = options.ServerName ?? host,
            ApplicationProtocols = alpn == Alpn.Http2 ? Http2Protocols : Http11Protocols,
            RemoteCertificateValidationCallback = Validate,
            ClientCertificates = client is null ? null : [client],
        };
        try
        {
            await _ssl.AuthenticateAsClientAsync(authentication, _tcp.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is AuthenticationException or IOException)
        {
            throw Classify(exception);
        }

        var protocol = _ssl.NegotiatedApplicationProtocol;
        NegotiatedProtocol = protocol == SslApplicationProtocol.Http2 ? "h2" : protocol == SslApplicationProtocol.Http11 ? "http/1.1" : null;
    }

    private bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (options.Insecure)
        {
            return true;
        }

        if (SslStreamSettings.TrustedRoots(options) is { } roots && certificate is not null)
        {
            // --ca-cert replaces the system's trust anchors, as curl's --cacert does.
            using var custom = new X509Chain();
            custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            custom.ChainPolicy.CustomTrustStore.AddRange(roots);
            custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            var valid = custom.Build(new X509Certificate2(certificate));
            errors &= ~SslPolicyErrors.RemoteCertificateChainErrors;
            if (!valid)
            {
                errors |= SslPolicyErrors.RemoteCertificateChainErrors;
                _chainErrors = custom.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status);
            }
        }
        else if (chain is not null)
        {
            _chainErrors = chain.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status);
        }

        _policyErrors = errors;
        return errors == SslPolicyErrors.None;
    }

    private Exception Classify(Exception exception)
    {
        var peer = $"{host}:{port}";
        if ((_policyErrors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return new TlsFailureException(HttpFailureKind.CertificateNameMismatch, $"the certificate of {peer} is not for {options.ServerName ?? host}: use the name it was issued for, or pass --insecure");
        }

        if ((_chainErrors & X509ChainStatusFlags.NotTimeValid) != 0)
        {
            return new TlsFailureException(HttpFailureKind.CertificateExpired, $"the certificate of {peer} is not valid now: renew it on the server, or pass --insecure to test anyway");
        }

        if (_policyErrors != SslPolicyErrors.None)
        {
            return new TlsFailureException(HttpFailureKind.CertificateUntrusted, $"the certificate of {peer} is not trusted ({_chainErrors}): pass its CA with --ca-cert FILE, or --insecure for a self-signed test server");
        }

        if (exception.InnerException is SocketException socket)
        {
            return socket;
        }

        var message = exception.InnerException?.Message ?? exception.Message;
        return message.Contains("frame", StringComparison.OrdinalIgnoreCase)
            ? new TlsFailureException(HttpFailureKind.NotTls, $"{peer} answered without TLS (a plain HTTP server on this port?): use http:// for it")
            : new TlsFailureException(HttpFailureKind.TlsHandshake, $"TLS with {peer} failed: {message}");
    }

    public ValueTask SendAsync(ReadOnlyMemory<byte> bytes) => _ssl!.WriteAsync(bytes, _tcp.Token);

    public ValueTask<int> ReceiveAsync(Memory<byte> buffer) => _ssl!.ReadAsync(buffer, _tcp.Token);

    public void Close()
    {
        _ssl?.Dispose();
        _ssl = null;
        _tcp.Close();
    }

    public void Dispose() => Close();
}
