using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Pacer.Core.Execution;

namespace Pacer.Core.Http;

/// <summary>
/// Sends a rendered request with <see cref="HttpClient"/> and reads the whole body. The duration
/// runs from sending the request to the last byte of the body being read.
/// </summary>
public static class HttpRequestSender
{
    public static async Task<ResponseSnapshot> SendAsync(HttpClient client, RequestSummary request, CancellationToken cancellationToken)
    {
        using var message = ToMessage(request);
        var stopwatch = Stopwatch.StartNew();
        using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        stopwatch.Stop();

        var headers = response.Headers.Concat(response.Content.Headers)
            .SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v)))
            .ToList();
        return new ResponseSnapshot((int)response.StatusCode, headers, body, stopwatch.Elapsed);
    }

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
