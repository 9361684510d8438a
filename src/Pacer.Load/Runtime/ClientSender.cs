using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using Pacer.Core.Execution;
using Pacer.Core.Http;
using Pacer.Load.Metrics;

namespace Pacer.Load.Runtime;

/// <summary>
/// One VU's HttpClient, for what the engine does not speak (TLS). Each VU has its own client, so
/// its own connection and cookies, as a real user would. Bytes are counted from the decoded body
/// and the header text (an estimate: HttpClient does not expose the wire bytes).
/// </summary>
internal sealed class ClientSender(bool insecure, TimeSpan timeout) : IDisposable
{
    private readonly CookieContainer _cookies = new();
    private HttpClient? _client;

    /// <summary>Stores cookies a response on the engine path set, so this client sends them from now on.</summary>
    public void AddCookies(Uri url, IReadOnlyList<string> setCookies)
    {
        foreach (var header in setCookies)
        {
            try
            {
                _cookies.SetCookies(url, header);
            }
            catch (CookieException)
            {
                // HttpClient ignores a malformed Set-Cookie too.
            }
        }
    }

    public async ValueTask<SendOutcome> SendAsync(RequestSummary request, LoadStep step, CancellationToken cancellationToken)
    {
        _client ??= FlowHttpClientFactory.Create(followRedirects: false, insecure, _cookies);
        var limit = step.Timeout ?? timeout;
        var bytesOut = EstimateOut(request);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(limit);
        try
        {
            var response = await HttpRequestSender.SendAsync(_client, request, timeoutSource.Token).ConfigureAwait(false);
            var bytesIn = Encoding.UTF8.GetByteCount(response.BodyText) + response.Headers.Sum(h => h.Key.Length + h.Value.Length + 4) + 17;
            return new SendOutcome(response.Status, null, null, bytesIn, bytesOut, response);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new SendOutcome(0, null, "cancelled", 0, bytesOut, null, Cancelled: true);
        }
        catch (OperationCanceledException)
        {
            return new SendOutcome(0, FailureKind.Timeout, $"timed out after {limit.TotalMilliseconds:0} ms", 0, bytesOut, null);
        }
        catch (HttpRequestException exception)
        {
            var kind = Classify(exception);
            return new SendOutcome(0, kind, HttpFailureDescriber.Describe(exception, new Uri(request.Url)), 0, bytesOut, null);
        }
    }

    internal static FailureKind Classify(HttpRequestException exception)
    {
        for (Exception? inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return socket.SocketErrorCode switch
                {
                    SocketError.ConnectionRefused => FailureKind.ConnectionRefused,
                    SocketError.TimedOut => FailureKind.Timeout,
                    _ => FailureKind.ConnectionReset,
                };
            }
        }

        return exception.HttpRequestError switch
        {
            HttpRequestError.InvalidResponse => FailureKind.ProtocolError,
            _ => FailureKind.ConnectionReset,
        };
    }

    private static long EstimateOut(RequestSummary request) =>
        request.Method.Length + request.Url.Length + 12
        + request.Headers.Sum(h => h.Key.Length + h.Value.Length + 4)
        + (request.Body is null ? 0 : Encoding.UTF8.GetByteCount(request.Body));

    public void Dispose() => _client?.Dispose();
}
