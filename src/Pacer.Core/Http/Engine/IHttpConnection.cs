namespace Pacer.Core.Http.Engine;

/// <summary>
/// One virtual user's way to a host through the engine, whatever the protocol under it: a
/// keep-alive HTTP/1.1 connection (plain or TLS, <see cref="Http11Connection"/>) or a seat on a
/// shared pool of multiplexed HTTP/2 connections (<see cref="Http2.Http2Channel"/>). One request
/// at a time; <see cref="Response"/> is valid until the next one.
/// </summary>
public interface IHttpConnection : IDisposable
{
    HttpResponseView Response { get; }

    /// <summary>How many connections this user opened (HTTP/2: how many its pool opened).</summary>
    int ConnectCount { get; }

    ValueTask<HttpExchangeResult> SendAsync(PreparedRequest request, RequestVariables variables, CancellationToken cancellationToken);
}
