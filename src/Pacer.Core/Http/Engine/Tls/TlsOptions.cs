namespace Pacer.Core.Http.Engine.Tls;

/// <summary>Which TLS implementation carries an engine connection.</summary>
public enum TlsBackend
{
    /// <summary>OpenSSL on the event loop where it runs (Linux x86-64 with libssl.so.3), else SslStream.</summary>
    Auto,

    /// <summary>OpenSSL driven by the engine's epoll loop (Linux x86-64 only).</summary>
    OpenSsl,

    /// <summary>.NET's SslStream over the portable socket transport (every platform).</summary>
    SslStream,
}

/// <summary>
/// How an engine connection speaks TLS. Equal options share one OpenSSL context and its session
/// cache, so a VU's second connection to a host resumes the first one's session.
/// </summary>
public sealed record TlsOptions
{
    /// <summary>Accept any certificate (self-signed test servers); the name is not checked either.</summary>
    public bool Insecure { get; init; }

    /// <summary>A PEM file of CA certificates trusted instead of the system's (curl's --cacert).</summary>
    public string? CaCertificateFile { get; init; }

    /// <summary>A PEM client certificate (chain) for mutual TLS; needs <see cref="ClientKeyFile"/>.</summary>
    public string? ClientCertificateFile { get; init; }

    /// <summary>The PEM private key of <see cref="ClientCertificateFile"/>.</summary>
    public string? ClientKeyFile { get; init; }

    /// <summary>The name sent as SNI and checked against the certificate; the URL's host when null.</summary>
    public string? ServerName { get; init; }

    /// <summary>Resume TLS sessions on new connections to the same host (fewer full handshakes).</summary>
    public bool SessionResumption { get; init; } = true;

    public TlsBackend Backend { get; init; } = TlsBackend.Auto;

    /// <summary>Checks the files can be read and the key matches the certificate; throws <see cref="TlsConfigurationException"/>.</summary>
    public void Validate()
    {
        if ((ClientCertificateFile is null) != (ClientKeyFile is null))
        {
            throw new TlsConfigurationException("a client certificate needs both --cert FILE and --key FILE");
        }

        foreach (var (file, what) in new[] { (CaCertificateFile, "--ca-cert"), (ClientCertificateFile, "--cert"), (ClientKeyFile, "--key") })
        {
            if (file is not null && !File.Exists(file))
            {
                throw new TlsConfigurationException($"{what} {file}: no such file");
            }
        }

        if (UsesOpenSsl)
        {
            _ = OpenSslContext.For(this, Alpn.Http11);
        }
        else
        {
            _ = SslStreamSettings.ClientCertificate(this);
        }
    }

    internal bool UsesOpenSsl => Backend switch
    {
        TlsBackend.OpenSsl => true,
        TlsBackend.SslStream => false,
        _ => OpenSslNative.IsAvailable && Transport.EpollNative.IsSupported,
    };
}

/// <summary>TLS settings that cannot work (a missing file, a key that does not match its certificate).</summary>
public sealed class TlsConfigurationException(string message) : Exception(message);

/// <summary>The application protocols a connection offers in ALPN.</summary>
internal enum Alpn
{
    Http11,
    Http2,
}
