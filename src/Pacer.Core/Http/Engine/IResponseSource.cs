namespace Pacer.Core.Http.Engine;

/// <summary>What a <see cref="HttpResponseView"/> reads: the HTTP/1.1 parser, or an HTTP/2 stream's decoded response.</summary>
internal interface IResponseSource
{
    int StatusCode { get; }

    long ContentLength { get; }

    bool IsChunked { get; }

    long BodyBytes { get; }

    bool KeepAlive { get; }

    CapturedHeaders? Headers { get; }

    PooledBodyBuffer? Body { get; }

    IReadOnlyList<string> SetCookies { get; }

    string? ErrorMessage { get; }
}
