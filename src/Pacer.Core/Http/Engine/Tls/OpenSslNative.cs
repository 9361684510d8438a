using System.Runtime.InteropServices;

namespace Pacer.Core.Http.Engine.Tls;

/// <summary>
/// The OpenSSL 3 calls the engine's TLS transport makes (libssl.so.3 / libcrypto.so.3, which .NET
/// itself loads on Linux). Macros of the C API (SSL_set_tlsext_host_name, SSL_CTX_set_mode, …) are
/// their SSL_ctrl / SSL_CTX_ctrl calls with the constants from the headers.
/// </summary>
internal static unsafe partial class OpenSslNative
{
    private const string Ssl = "libssl.so.3";
    private const string Crypto = "libcrypto.so.3";

    public const int ErrorNone = 0;
    public const int ErrorSsl = 1;
    public const int ErrorWantRead = 2;
    public const int ErrorWantWrite = 3;
    public const int ErrorSyscall = 5;
    public const int ErrorZeroReturn = 6;

    public const int VerifyNone = 0;
    public const int VerifyPeer = 1;
    public const int FileTypePem = 1;

    private const int CtrlSetTlsExtHostName = 55;
    private const int CtrlMode = 33;
    private const int CtrlSetMinProtoVersion = 123;
    private const long ModeAcceptMovingWriteBuffer = 0x2;
    private const long Tls12Version = 0x303;

    [LibraryImport(Ssl, EntryPoint = "TLS_client_method")]
    public static partial nint TlsClientMethod();

    [LibraryImport(Ssl, EntryPoint = "SSL_CTX_new")]
    public static partial nint ContextNew(nint method);

    [LibraryImport(Ssl, EntryPoint = "SSL_CTX_free")]
    public static partial void ContextFree(nint context);

    [LibraryImport(Ssl, EntryPoint = "SSL_CTX_set_default_verify_paths")]
    public static partial int ContextSetDefaultVerifyPaths(nint context);

    [LibraryImport(Ssl, EntryPoint = "SSL_CTX_load_verify_locations", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ContextLoadVerifyLocations(nint context, string? file, string? directory);

    [LibraryImport(Ssl, EntryPoint = "SSL_CTX_use_certificate_chain_file", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ContextUseCertificateChainFile(nint context, string file);

    [LibraryImport(Ssl, EntryPoint = "SSL_CTX_use_PrivateKey_file", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ContextUsePrivateKeyFile(nint context, string file, int type);

    [LibraryImport(Ssl, EntryPoint = "SSL_CTX_check_private_key")]
    public static partial int ContextCheckPrivateKey(nint context);

    [LibraryImport(Ssl, EntryPoint = "SSL_CTX_set_verify")]
    public static partial void ContextSetVerify(nint context, int mode, nint callback);

    /// <summary>Returns 0 on success (unlike most of OpenSSL).</summary>
    [LibraryImport(Ssl, EntryPoint = "SSL_CTX_set_alpn_protos")]
    public static partial int ContextSetAlpnProtos(nint context, byte* protos, uint length);

    [LibraryImport(Ssl, EntryPoint = "SSL_CTX_ctrl")]
    public static partial long ContextControl(nint context, int command, long larg, nint parg);

    /// <summary>SSL_OP_IGNORE_UNEXPECTED_EOF: a peer closing without close_notify is an ordinary end of stream (as in OpenSSL 1.1).</summary>
    public const ulong OptionIgnoreUnexpectedEof = 1UL << 7;

    [LibraryImport(Ssl, EntryPoint = "SSL_CTX_set_options")]
    public static partial ulong ContextSetOptions(nint context, ulong options);

    [LibraryImport(Ssl, EntryPoint = "SSL_new")]
    public static partial nint SslNew(nint context);

    /// <summary>SSL_SENT_SHUTDOWN | SSL_RECEIVED_SHUTDOWN: the connection ended cleanly, so its session stays resumable.</summary>
    public const int ShutdownBoth = 3;

    [LibraryImport(Ssl, EntryPoint = "SSL_set_shutdown")]
    public static partial void SslSetShutdown(nint ssl, int mode);

    [LibraryImport(Ssl, EntryPoint = "SSL_free")]
    public static partial void SslFree(nint ssl);

    [LibraryImport(Ssl, EntryPoint = "SSL_set_fd")]
    public static partial int SslSetFd(nint ssl, int fd);

    [LibraryImport(Ssl, EntryPoint = "SSL_set_connect_state")]
    public static partial void SslSetConnectState(nint ssl);

    [LibraryImport(Ssl, EntryPoint = "SSL_ctrl")]
    private static partial long SslControl(nint ssl, int command, long larg, nint parg);

    [LibraryImport(Ssl, EntryPoint = "SSL_set1_host", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SslSetHost(nint ssl, string hostName);

    [LibraryImport(Ssl, EntryPoint = "SSL_get0_param")]
    public static partial nint SslGetParam(nint ssl);

    [LibraryImport(Crypto, EntryPoint = "X509_VERIFY_PARAM_set1_ip_asc", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int VerifyParamSetIp(nint param, string address);

    [LibraryImport(Ssl, EntryPoint = "SSL_do_handshake", SetLastError = true)]
    public static partial int SslDoHandshake(nint ssl);

    [LibraryImport(Ssl, EntryPoint = "SSL_read", SetLastError = true)]
    public static partial int SslRead(nint ssl, byte* buffer, int length);

    [LibraryImport(Ssl, EntryPoint = "SSL_write", SetLastError = true)]
    public static partial int SslWrite(nint ssl, byte* buffer, int length);

    [LibraryImport(Ssl, EntryPoint = "SSL_get_error")]
    public static partial int SslGetError(nint ssl, int result);

    [LibraryImport(Ssl, EntryPoint = "SSL_get_verify_result")]
    public static partial long SslGetVerifyResult(nint ssl);

    [LibraryImport(Ssl, EntryPoint = "SSL_get0_alpn_selected")]
    public static partial void SslGetAlpnSelected(nint ssl, byte** data, uint* length);

    [LibraryImport(Ssl, EntryPoint = "SSL_get1_session")]
    public static partial nint SslGetSession(nint ssl);

    [LibraryImport(Ssl, EntryPoint = "SSL_set_session")]
    public static partial int SslSetSession(nint ssl, nint session);

    [LibraryImport(Ssl, EntryPoint = "SSL_has_pending")]
    public static partial int SslHasPending(nint ssl);

    [LibraryImport(Ssl, EntryPoint = "SSL_session_reused")]
    public static partial int SslSessionReused(nint ssl);

    [LibraryImport(Ssl, EntryPoint = "SSL_SESSION_is_resumable")]
    public static partial int SessionIsResumable(nint session);

    [LibraryImport(Ssl, EntryPoint = "SSL_SESSION_free")]
    public static partial void SessionFree(nint session);

    [LibraryImport(Crypto, EntryPoint = "ERR_get_error")]
    public static partial ulong ErrorGet();

    [LibraryImport(Crypto, EntryPoint = "ERR_peek_error")]
    public static partial ulong ErrorPeek();

    [LibraryImport(Crypto, EntryPoint = "ERR_clear_error")]
    public static partial void ErrorClear();

    [LibraryImport(Crypto, EntryPoint = "ERR_error_string_n")]
    private static partial void ErrorString(ulong error, byte* buffer, nint length);

    [LibraryImport(Crypto, EntryPoint = "X509_verify_cert_error_string")]
    private static partial nint VerifyErrorString(long error);

    public static void ContextSetMode(nint context) => ContextControl(context, CtrlMode, ModeAcceptMovingWriteBuffer, 0);

    public static void ContextSetMinimumTls12(nint context) => ContextControl(context, CtrlSetMinProtoVersion, Tls12Version, 0);

    public static void SslSetServerName(nint ssl, string hostName)
    {
        var name = Marshal.StringToCoTaskMemUTF8(hostName);
        try
        {
            SslControl(ssl, CtrlSetTlsExtHostName, 0, name);
        }
        finally
        {
            Marshal.FreeCoTaskMem(name);
        }
    }

    /// <summary>The reason part of an OpenSSL 3 packed error code (ERR_GET_REASON).</summary>
    public static int Reason(ulong error) => (int)(error & 0x7FFFFF);

    public static string Describe(ulong error)
    {
        var buffer = stackalloc byte[256];
        ErrorString(error, buffer, 256);
        return Marshal.PtrToStringUTF8((nint)buffer) ?? $"OpenSSL error {error:x}";
    }

    public static string DescribeVerifyResult(long result) => Marshal.PtrToStringUTF8(VerifyErrorString(result)) ?? $"verify error {result}";

    /// <summary>Whether libssl.so.3 can be loaded here (Linux with OpenSSL 3).</summary>
    public static bool IsAvailable => Available.Value;

    private static readonly Lazy<bool> Available = new(() =>
        OperatingSystem.IsLinux() && NativeLibrary.TryLoad(Ssl, out _) && NativeLibrary.TryLoad(Crypto, out _));
}
