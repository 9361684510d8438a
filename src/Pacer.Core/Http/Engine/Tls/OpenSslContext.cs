using System.Collections.Concurrent;

namespace Pacer.Core.Http.Engine.Tls;

/// <summary>
/// One SSL_CTX per distinct <see cref="TlsOptions"/> and ALPN offer, made once and kept for the
/// process (a load run has one or two): trust anchors, the client certificate and the ALPN list are
/// loaded there once, not per connection. It also keeps the last resumable session per host and
/// port, so a reconnect resumes instead of doing a full handshake.
/// </summary>
internal sealed unsafe class OpenSslContext
{
    private const int ReadAheadControl = 41; // SSL_CTRL_SET_READ_AHEAD

    private static readonly ConcurrentDictionary<(TlsOptions, Alpn), OpenSslContext> Contexts = new();
    private readonly Dictionary<string, nint> _sessions = new(StringComparer.Ordinal);
    private readonly Lock _sessionsLock = new();

    private OpenSslContext(TlsOptions options, Alpn alpn)
    {
        Options = options;
        Handle = OpenSslNative.ContextNew(OpenSslNative.TlsClientMethod());
        if (Handle == 0)
        {
            throw new TlsConfigurationException("OpenSSL could not create a TLS context");
        }

        OpenSslNative.ContextSetMinimumTls12(Handle);
        OpenSslNative.ContextSetMode(Handle);
        SetReadAhead(Handle);

        // Servers often close idle keep-alive connections without close_notify: that is an end of
        // stream (the engine then resends an idempotent request), not a TLS error.
        _ = OpenSslNative.ContextSetOptions(Handle, OpenSslNative.OptionIgnoreUnexpectedEof);
        if (options.Insecure)
        {
            OpenSslNative.ContextSetVerify(Handle, OpenSslNative.VerifyNone, 0);
        }
        else
        {
            OpenSslNative.ContextSetVerify(Handle, OpenSslNative.VerifyPeer, 0);
            var trusted = options.CaCertificateFile is { } caFile
                ? OpenSslNative.ContextLoadVerifyLocations(Handle, caFile, null)
                : OpenSslNative.ContextSetDefaultVerifyPaths(Handle);
            if (trusted != 1)
            {
                throw Failure($"--ca-cert {options.CaCertificateFile}: not a PEM file of CA certificates");
            }
        }

        if (options.ClientCertificateFile is { } certificate && options.ClientKeyFile is { } key)
        {
            if (OpenSslNative.ContextUseCertificateChainFile(Handle, certificate) != 1)
            {
                throw Failure($"--cert {certificate}: not a PEM certificate");
            }

            if (OpenSslNative.ContextUsePrivateKeyFile(Handle, key, OpenSslNative.FileTypePem) != 1 ||
                OpenSslNative.ContextCheckPrivateKey(Handle) != 1)
            {
                throw Failure($"--key {key}: not the PEM private key of {certificate}");
            }
        }

        // ALPN wire format: each name prefixed by its length.
        ReadOnlySpan<byte> protocols = alpn == Alpn.Http2 ? "\u0002h2\u0008http/1.1"u8 : "\u0008http/1.1"u8;
        fixed (byte* p = protocols)
        {
            _ = OpenSslNative.ContextSetAlpnProtos(Handle, p, (uint)protocols.Length);
        }
    }

    public nint Handle { get; }

    public TlsOptions Options { get; }

    public static OpenSslContext For(TlsOptions options, Alpn alpn) => Contexts.GetOrAdd((options, alpn), static key => new OpenSslContext(key.Item1, key.Item2));

    /// <summary>Offers the last session kept for <paramref name="peer"/> (host:port) to <paramref name="ssl"/> before its handshake.</summary>
    public void OfferSession(nint ssl, string peer)
    {
        if (!Options.SessionResumption)
        {
            return;
        }

        // Under the lock: SSL_set_session takes its own reference, so once it has, Remember may free ours.
        lock (_sessionsLock)
        {
            if (_sessions.TryGetValue(peer, out var session))
            {
                _ = OpenSslNative.SslSetSession(ssl, session);
            }
        }
    }

    /// <summary>Keeps <paramref name="ssl"/>'s session, when resumable, as the one to offer next for <paramref name="peer"/>.</summary>
    public void Remember(nint ssl, string peer)
    {
        if (!Options.SessionResumption)
        {
            return;
        }

        var session = OpenSslNative.SslGetSession(ssl);
        if (session == 0)
        {
            return;
        }

        if (OpenSslNative.SessionIsResumable(session) != 1)
        {
            OpenSslNative.SessionFree(session);
            return;
        }

        lock (_sessionsLock)
        {
            if (_sessions.TryGetValue(peer, out var previous))
            {
                OpenSslNative.SessionFree(previous);
            }

            _sessions[peer] = session;
        }
    }

    // Read whole records (and what follows) in one recv, instead of a 5-byte header and then the body.
    private static void SetReadAhead(nint handle) => _ = OpenSslNative.ContextControl(handle, ReadAheadControl, 1, 0);

    private static TlsConfigurationException Failure(string message)
    {
        var error = OpenSslNative.ErrorGet();
        OpenSslNative.ErrorClear();
        return new TlsConfigurationException(error == 0 ? message : $"{message} ({OpenSslNative.Describe(error)})");
    }
}
