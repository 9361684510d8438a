namespace Pacer.Core.Http.Engine.Http2;

/// <summary>
/// One virtual user's seat on an <see cref="Http2ConnectionPool"/>: the same shape as an
/// <see cref="Http11Connection"/> (one request at a time, the last response readable until the
/// next), but its requests are streams on a connection shared with other VUs. Nothing is
/// allocated per request: the stream object, its buffers and its completion are reused.
/// </summary>
public sealed class Http2Channel : IHttpConnection
{
    private readonly Http2ConnectionPool _pool;
    private readonly Http2Stream _stream;

    internal Http2Channel(Http2ConnectionPool pool, Http2Stream stream)
    {
        _pool = pool;
        _stream = stream;
        Response = new HttpResponseView(stream);
    }

    public HttpResponseView Response { get; }

    public int ConnectCount => _pool.ConnectCount;

    public ValueTask<HttpExchangeResult> SendAsync(PreparedRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(request, default, cancellationToken);

    public ValueTask<HttpExchangeResult> SendAsync(PreparedRequest request, RequestVariables variables, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        _stream.Prepare(request, variables, cancellationToken);
        _pool.Submit(_stream);
        return new ValueTask<HttpExchangeResult>(_stream, _stream.Version);
    }

    public void Dispose() => _stream.Dispose();
}
