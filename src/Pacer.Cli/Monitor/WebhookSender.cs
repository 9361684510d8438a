using System.Net;
using System.Text;

namespace Pacer.Cli.Monitor;

/// <summary>
/// POSTs alerts as JSON to the <c>--alert-webhook</c> URL. A failed delivery (no connection, a
/// timeout, 408, 429 or 5xx) is retried with exponential backoff — 250 ms, 500 ms, 1 s, 2 s — at most
/// <see cref="MaxAttempts"/> times in all, so one alert costs at most about 4 s of retrying; other
/// 4xx answers are final. Delays run on the <see cref="TimeProvider"/> so tests can use a fake clock.
/// </summary>
public sealed class WebhookSender(HttpClient client, Uri url, TimeProvider time, TextWriter log)
{
    public const int MaxAttempts = 5;

    public static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(250);

    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Delivers one alert; true when the receiver accepted it (2xx).</summary>
    public async Task<bool> SendAsync(Alert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var backoff = FirstBackoff;
        for (var attempt = 1; ; attempt++)
        {
            var (delivered, retryable, problem) = await AttemptAsync(alert, cancellationToken).ConfigureAwait(false);
            if (delivered)
            {
                return true;
            }

            if (!retryable || attempt == MaxAttempts)
            {
                await log.WriteLineAsync($"warning: webhook {url} did not take the {alert.Status} alert for {alert.Flow} after {attempt} attempt(s): {problem}").ConfigureAwait(false);
                return false;
            }

            await Task.Delay(backoff, time, cancellationToken).ConfigureAwait(false);
            backoff *= 2;
        }
    }

    private async Task<(bool Delivered, bool Retryable, string? Problem)> AttemptAsync(Alert alert, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(AttemptTimeout);
        try
        {
            using var content = new StringContent(alert.ToJson(), Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(url, content, timeout.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return (true, false, null);
            }

            var status = (int)response.StatusCode;
            var retryable = status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
            return (false, retryable, $"HTTP {status}");
        }
        catch (HttpRequestException exception)
        {
            return (false, true, exception.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (false, true, $"no answer within {AttemptTimeout.TotalSeconds:0}s");
        }
    }
}
