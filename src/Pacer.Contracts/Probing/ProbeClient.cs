using System.Diagnostics;
using System.Text;
using Pacer.Contracts.Generation;

namespace Pacer.Contracts.Probing;

/// <summary>
/// Sends probe requests within a budget: every request counts, and once <see cref="ProbeOptions.MaxRequests"/>
/// are spent <see cref="TrySendAsync"/> answers null. Bodies are read up to a limit; event streams not at all.
/// Each response carries the time from sending to its last byte read, for the timing checks.
/// </summary>
public sealed class ProbeClient : IDisposable
{
    private const int MaxBodyChars = 256 * 1024;
    private readonly HttpClient _http;
    private readonly Uri _baseUrl;
    private readonly int _budget;

    public ProbeClient(ProbeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _baseUrl = options.BaseUrl;
        _budget = options.MaxRequests;
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, ConnectTimeout = options.RequestTimeout })
        {
            Timeout = options.RequestTimeout,
        };
    }

    public int Sent { get; private set; }

    public bool Exhausted => Sent >= _budget;

    public async Task<ProbeResponse?> TrySendAsync(GeneratedRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Exhausted)
        {
            return null;
        }

        if (request.Headers.FirstOrDefault(h => h.Value.Any(c => c > '~' || (char.IsControl(c) && c != '\t'))) is { Key: { } unsendable })
        {
            // HTTP header values are ASCII: such a request cannot be sent, so it proves nothing about the server.
            return ProbeResponse.NotSent($"header {unsendable} holds characters HTTP headers cannot carry");
        }

        Sent++;
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), Combine(request.PathAndQuery));
        string? contentType = null;
        foreach (var (name, value) in request.Headers)
        {
            if (string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                contentType = value;
            }
            else
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(request.Body));
            if (contentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            {
                headers[name] = string.Join(", ", values);
            }

            var type = headers.GetValueOrDefault("Content-Type") ?? "";
            var body = type.Contains("event-stream", StringComparison.OrdinalIgnoreCase) ? "" : await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
            return new ProbeResponse((int)response.StatusCode, headers, body, clock.Elapsed);
        }
        catch (HttpRequestException exception)
        {
            return ProbeResponse.Failed(exception.Message, clock.Elapsed);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ProbeResponse.Failed("timed out", clock.Elapsed);
        }
    }

    public void Dispose() => _http.Dispose();

    private Uri Combine(string pathAndQuery) => new(Evidence.CurlCommand.Url(_baseUrl, pathAndQuery));

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var buffer = new char[MaxBodyChars];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
        return new string(buffer, 0, read);
    }
}
