using System.Net;
using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Storefront.Api.Infrastructure.Database;

namespace Storefront.Api.Infrastructure.Mail;

/// <summary>When Storefront:Smtp:Host is set, sends unsent outbox mail every few seconds (at most 5 attempts each).</summary>
public sealed partial class SmtpOutboxDispatcher(
    IServiceScopeFactory scopes, IOptions<StorefrontOptions> options, TimeProvider time, ILogger<SmtpOutboxDispatcher> logger)
    : BackgroundService
{
    private const int MaxAttempts = 5;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SendPendingAsync(smtp, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogDispatchFailed(logger, ex);
            }
        }
    }

    private async Task SendPendingAsync(SmtpOptions smtp, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StorefrontDbContext>();
        var pending = await db.Set<OutboxMail>()
            .Where(m => m.SentAt == null && m.Attempts < MaxAttempts)
            .Take(20)
            .ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return;
        }

        using var client = new SmtpClient(smtp.Host, smtp.Port) { EnableSsl = smtp.EnableSsl };
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        }

        foreach (var mail in pending)
        {
            mail.Attempts++;
            try
            {
                using var message = new MailMessage(smtp.From, mail.To, mail.Subject, mail.Body);
                await client.SendMailAsync(message, cancellationToken);
                mail.SentAt = time.GetUtcNow();
            }
            catch (SmtpException ex)
            {
                LogSendFailed(logger, ex, mail.Id);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Mail outbox dispatch failed")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending outbox mail {MailId} failed")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, Guid mailId);
}
