namespace Pacer.Core.Http.Engine.Tls;

/// <summary>A TLS failure already classified, with a message that says what to do about it.</summary>
internal sealed class TlsFailureException(HttpFailureKind kind, string message) : Exception(message)
{
    public HttpFailureKind Kind { get; } = kind;
}
