using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Storefront.Api.Tests.LiveEvents;

/// <summary>
/// Follows <c>/live-events/{id}/stream</c> in the background and keeps every event with the wall-clock time it arrived,
/// so a test can compare it with the ledger time the event carries.
/// </summary>
public sealed class LiveStreamReader : IAsyncDisposable
{
    private readonly HttpResponseMessage response;
    private readonly CancellationTokenSource lifetime;
    private readonly List<Received> events = [];
    private readonly Task reading;

    private LiveStreamReader(HttpResponseMessage response, StreamReader reader, CancellationTokenSource lifetime)
    {
        this.response = response;
        this.lifetime = lifetime;
        reading = ReadAsync(reader);
    }

    public sealed record Received(long Id, string Type, JsonElement Data, DateTime ArrivedAt);

    public string? MediaType => response.Content.Headers.ContentType?.MediaType;

    /// <summary>True once the server ended the stream.</summary>
    public bool Ended => reading.IsCompleted;

    public IReadOnlyList<Received> Events
    {
        get
        {
            lock (events)
            {
                return [.. events];
            }
        }
    }

    public static async Task<LiveStreamReader> OpenAsync(HttpClient client, Guid eventId, CancellationToken cancellationToken)
    {
        var lifetime = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/live-events/{eventId}/stream");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, lifetime.Token);
        response.EnsureSuccessStatusCode();
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync(lifetime.Token));
        var stream = new LiveStreamReader(response, reader, lifetime);
        await stream.WaitForAsync(e => e.Type == "snapshot", TimeSpan.FromSeconds(10));
        return stream;
    }

    /// <summary>The first event (already received or still to come) that <paramref name="wanted"/> accepts.</summary>
    public async Task<Received> WaitForAsync(Func<Received, bool> wanted, TimeSpan? within = null)
    {
        var deadline = Stopwatch.StartNew();
        var limit = within ?? TimeSpan.FromSeconds(10);
        while (true)
        {
            if (Events.FirstOrDefault(wanted) is { } found)
            {
                return found;
            }

            if (deadline.Elapsed > limit || reading.IsCompleted)
            {
                throw new TimeoutException($"No such event within {limit.TotalSeconds:0.#} s; received: {string.Join(", ", Events.Select(e => e.Type))}");
            }

            await Task.Delay(10);
        }
    }

    private async Task ReadAsync(StreamReader reader)
    {
        var (id, type, data) = (0L, "message", "");
        try
        {
            while (await reader.ReadLineAsync(lifetime.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    if (data.Length > 0)
                    {
                        var item = new Received(id, type, JsonDocument.Parse(data).RootElement.Clone(), DateTime.UtcNow);
                        lock (events)
                        {
                            events.Add(item);
                        }
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
        }
        catch (Exception error) when (error is OperationCanceledException or IOException)
        {
            // Disposed, or the server went away.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await lifetime.CancelAsync();
        await reading;
        response.Dispose();
        lifetime.Dispose();
    }
}
