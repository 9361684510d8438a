using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Pacer.Core.Execution;
using Pacer.Core.Judge;

namespace Pacer.Core.Http;

/// <summary>
/// Sends through an <see cref="HttpClient"/>: the caller's own (an in-process test server's), or one
/// for what the engine cannot reach. The body is streamed with the same bound as the engine's
/// (<c>--max-body</c>): past it the response fails as too large and reading stops. Header values
/// reach assertions exactly as the server sent them (no re-parsing of <c>Server</c> or <c>Date</c>).
/// </summary>
public sealed class HttpClientTransport(HttpClient client, bool ownsClient, long maxBodyBytes) : IRequestTransport
{
    public async ValueTask<ExchangeOutcome> SendAsync(RequestSummary request, RequestOptions sending, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var timeout = sending.Timeout;
        var bytesOut = EstimateOut(request);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        var target = new Uri(request.Url);
        try
        {
            using var message = ToMessage(request);
            if (sending.Http2)
            {
                message.Version = System.Net.HttpVersion.Version20;
                message.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
            }

            var stopwatch = Stopwatch.StartNew();
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeoutSource.Token).ConfigureAwait(false);
            var headers = new List<KeyValuePair<string, string>>();
            foreach (var (name, values) in response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated))
            {
                foreach (var value in values)
                {
                    headers.Add(new(name, value));
                }
            }

            var (body, tooLarge) = await ReadBoundedAsync(response.Content, timeoutSource.Token).ConfigureAwait(false);
            stopwatch.Stop();
            var status = (int)response.StatusCode;
            var bytesIn = body.Length + headers.Sum(h => h.Key.Length + h.Value.Length + 4) + 17;
            if (tooLarge)
            {
                return new ExchangeOutcome(status, FailureKind.BodyTooLarge,
                    $"{target.Host}:{target.Port}: response body longer than the {Engine.ResponseParser.FormatBytes(maxBodyBytes)} limit (raise it with --max-body)", bytesIn, bytesOut, null);
            }

            var snapshot = new ResponseSnapshot(status, headers, Encoding.UTF8.GetString(body), stopwatch.Elapsed);
            return new ExchangeOutcome(status, null, null, bytesIn, bytesOut, snapshot);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExchangeOutcome.Canceled(bytesOut);
        }
        catch (OperationCanceledException)
        {
            return ExchangeOutcome.Failed(FailureKind.Timeout, $"timed out after {timeout.TotalMilliseconds:0} ms", bytesOut);
        }
        catch (HttpRequestException exception)
        {
            return ExchangeOutcome.Failed(Classify(exception), HttpFailureDescriber.Describe(exception, target), bytesOut);
        }
    }

    /// <summary>The kind of an HttpClient failure, as the engine would name it.</summary>
    public static FailureKind Classify(HttpRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (Exception? inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is System.Net.Sockets.SocketException socket)
            {
                return socket.SocketErrorCode switch
                {
                    System.Net.Sockets.SocketError.ConnectionRefused => FailureKind.ConnectionRefused,
                    System.Net.Sockets.SocketError.HostNotFound or System.Net.Sockets.SocketError.NoData => FailureKind.HostNotFound,
                    System.Net.Sockets.SocketError.TimedOut => FailureKind.Timeout,
                    _ => FailureKind.ConnectionReset,
                };
            }
        }

        return exception.HttpRequestError switch
        {
            HttpRequestError.InvalidResponse or HttpRequestError.ResponseEnded or HttpRequestError.SecureConnectionError => FailureKind.ProtocolError,
            HttpRequestError.NameResolutionError => FailureKind.HostNotFound,
            HttpRequestError.ConnectionError => FailureKind.ConnectionRefused,
            _ => FailureKind.ConnectionReset,
        };
    }

    public void Dispose()
    {
        if (ownsClient)
        {
            client.Dispose();
        }
    }

    private async Task<(byte[] Body, bool TooLarge)> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is { } declared && declared > maxBodyBytes)
        {
            return ([], true);
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var body = new MemoryStream();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return (body.ToArray(), false);
            }

            if (body.Length + read > maxBodyBytes)
            {
                return ([], true);
            }

            body.Write(buffer, 0, read);
        }
    }

    private static long EstimateOut(RequestSummary request) =>
        request.Method.Length + request.Url.Length + 12
        + request.Headers.Sum(h => h.Key.Length + h.Value.Length + 4)
        + (request.Body is null ? 0 : Encoding.UTF8.GetByteCount(request.Body));

    private static HttpRequestMessage ToMessage(RequestSummary request)
    {
        var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url);
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(request.Body));
        }

        foreach (var (name, value) in request.Headers)
        {
            if (message.Headers.TryAddWithoutValidation(name, value))
            {
                continue;
            }

            // Content headers (Content-Type, ...) belong to the content; a body-less request gets an empty one.
            message.Content ??= new ByteArrayContent([]);
            if (RequestBuilder.IsContentType(name) && MediaTypeHeaderValue.TryParse(value, out var mediaType))
            {
                message.Content.Headers.ContentType = mediaType;
            }
            else
            {
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return message;
    }
}
