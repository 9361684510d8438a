using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Storefront.Api.Infrastructure.Mail;
using Storefront.Api.Tests.Infrastructure;
using Xunit;

namespace Storefront.Api.Tests.Auth;

public sealed class MailOutboxTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_smtp_configured_outbox_mail_is_delivered_and_marked_sent()
    {
        await using var smtp = new LoopbackSmtpServer();
        await using var app = StorefrontFactory.With(new Dictionary<string, string?>
        {
            ["Storefront:Smtp:Host"] = "127.0.0.1",
            ["Storefront:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
        });
        var user = await app.RegisterAndLoginUserAsync();

        var forgot = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/password/forgot", new { email = user.Email }, Ct);
        Assert.Equal(HttpStatusCode.Accepted, forgot.StatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        OutboxMail? mail = null;
        while (DateTime.UtcNow < deadline && mail?.SentAt is null)
        {
            await Task.Delay(250, Ct);
            mail = await app.WithDbAsync(db => db.Set<OutboxMail>().AsNoTracking().SingleOrDefaultAsync(m => m.To == user.Email, Ct));
        }

        Assert.NotNull(mail?.SentAt);
        Assert.Contains(smtp.Messages, m => m.Contains(user.Email, StringComparison.Ordinal) && m.Contains("Reset your Storefront password", StringComparison.Ordinal));
    }
}
