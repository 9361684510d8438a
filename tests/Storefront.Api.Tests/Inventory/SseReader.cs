using System.Globalization;
using System.Net.Http.Headers;

namespace Storefront.Api.Tests.Inventory;

/// <summary>A minimal Server-Sent Events client over a streaming response, with a deadline per read.</summary>
public sealed class SseReader : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly HttpResponseMessage response;
    private readonly StreamReader reader;
    private readonly CancellationTokenSource lifetime;

    private SseReader(HttpResponseMessage response, StreamReader reader, CancellationTokenSource lifetime)
    {
        this.response = response;
        this.reader = reader;
        this.lifetime = lifetime;
    }

    public sealed record ServerEvent(long Id, string Type, string Data);

    public string? MediaType => response.Content.Headers.ContentType?.MediaType;

    public static async Task<SseReader> OpenAsync(HttpClient client, long? lastEventId, CancellationToken cancellationToken)
    {
        var lifetime = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/inventory/stream");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is { } id)
        {
            request.Headers.Add("Last-Event-ID", id.ToString(CultureInfo.InvariantCulture));
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, lifetime.Token);
        response.EnsureSuccessStatusCode();
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync(lifetime.Token));
        var sse = new SseReader(response, reader, lifetime);

        // The server opens with a comment; once it is read, the subscription is registered.
        await sse.NextCommentAsync("connected");
        return sse;
    }

    public async Task<ServerEvent> NextEventAsync(Func<ServerEvent, bool> wanted)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(lifetime.Token);
        deadline.CancelAfter(Deadline);
        var (id, type, data) = (0L, "message", "");
        while (await reader.ReadLineAsync(deadline.Token) is { } line)
        {
            if (line.Length == 0)
            {
                var item = new ServerEvent(id, type, data);
                if (data.Length > 0 && wanted(item))
                {
                    return item;
                }

                (id, type, data) = (0L, "message", "");
            }
            else if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = long.Parse(line[4..], CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                type = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line[6..];
            }
        }

        throw new InvalidOperationException("The stream ended.");
    }

    public async Task<string> NextCommentAsync(string text)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(lifetime.Token);
        deadline.CancelAfter(Deadline);
        while (await reader.ReadLineAsync(deadline.Token) is { } line)
        {
            if (line == ": " + text)
            {
                return text;
            }
        }

        throw new InvalidOperationException("The stream ended.");
    }

    public async ValueTask DisposeAsync()
    {
        await lifetime.CancelAsync();
        reader.Dispose();
        response.Dispose();
        lifetime.Dispose();
    }
}
