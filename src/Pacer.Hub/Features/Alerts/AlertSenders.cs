using System.Net;
using System.Net.Http.Json;
using System.Net.Mail;
using Microsoft.Extensions.Options;
using Pacer.Hub.Infrastructure;

namespace Pacer.Hub.Features.Alerts;

/// <summary>
/// Sends one notice to one channel. Webhook: the JSON <c>pacer monitor --alert-webhook</c> posts (same
/// fields, so one receiver serves both). Slack-compatible: <c>{"text": ...}</c> to an incoming webhook.
/// E-mail: a plain-text message over SMTP (<c>Hub:Smtp</c>).
/// </summary>
public sealed class AlertSenders(IHttpClientFactory http, IOptions<HubOptions> options)
{
    public const string HttpClientName = "alerts";

    public async Task SendAsync(AlertChannel channel, AlertNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(notice);
        switch (channel.Kind)
        {
            case AlertChannel.Webhook:
                await PostAsync(channel.Target, new
                {
                    status = notice.Status,
                    rule = notice.RuleName,
                    flow = notice.Monitor,
                    step = notice.Step,
                    value = (string?)null,
                    threshold = notice.Rule,
                    since = new DateTimeOffset(notice.Since, TimeSpan.Zero),
                    detail = notice.Message,
                    alert_id = notice.AlertId,
                    monitor_id = notice.MonitorId,
                }, cancellationToken);
                break;
            case AlertChannel.Slack:
                await PostAsync(channel.Target, new { text = $"{notice.Headline}\n{notice.Message}" }, cancellationToken);
                break;
            case AlertChannel.Email:
                await MailAsync(channel.Target, notice, cancellationToken);
                break;
            default:
                throw new InvalidOperationException($"unknown channel kind {channel.Kind}");
        }
    }

    private async Task PostAsync(string url, object body, CancellationToken cancellationToken)
    {
        using var client = http.CreateClient(HttpClientName);
        using var response = await client.PostAsJsonAsync(new Uri(url), body, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new AlertDeliveryException($"{(int)response.StatusCode} {response.ReasonPhrase}",
                response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500);
        }
    }

    private async Task MailAsync(string address, AlertNotice notice, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            throw new AlertDeliveryException("Hub:Smtp:Host is not set; e-mail alerts cannot be sent", transient: false);
        }

        using var client = new SmtpClient(smtp.Host, smtp.Port) { EnableSsl = smtp.EnableSsl };
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        }

        using var message = new MailMessage(smtp.From, address, notice.Headline, $"{notice.Message}\n\nRule: {notice.Rule}\nSince: {notice.Since:u}\n");
        try
        {
            await client.SendMailAsync(message, cancellationToken);
        }
        catch (SmtpException exception)
        {
            throw new AlertDeliveryException(exception.Message, transient: true);
        }
    }
}

/// <summary>A channel did not take a notice; <see cref="Transient"/> failures are retried.</summary>
public sealed class AlertDeliveryException : Exception
{
    public AlertDeliveryException(string message, bool transient)
        : base(message) => Transient = transient;

    public AlertDeliveryException()
    {
    }

    public AlertDeliveryException(string message)
        : base(message)
    {
    }

    public AlertDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public bool Transient { get; }
}
