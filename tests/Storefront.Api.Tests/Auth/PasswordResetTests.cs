using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Storefront.Api.Features.Auth;
using Storefront.Api.Infrastructure.Mail;
using Storefront.Api.Tests.Infrastructure;
using Xunit;

namespace Storefront.Api.Tests.Auth;

public sealed class PasswordResetTests(StorefrontFactory factory) : IClassFixture<StorefrontFactory>
{
    private const string NewPassword = "a-brand-new-password";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Forgot_returns_202_for_unknown_accounts_and_sends_nothing()
    {
        var response = await ForgotAsync(factory, "nobody-here@example.test");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var mails = await factory.WithDbAsync(db => db.Set<OutboxMail>().CountAsync(m => m.To == "nobody-here@example.test", Ct));
        Assert.Equal(0, mails);
    }

    [Fact]
    public async Task Reset_with_the_mailed_token_changes_the_password_once_and_ends_sessions()
    {
        var user = await factory.RegisterAndLoginUserAsync();

        Assert.Equal(HttpStatusCode.Accepted, (await ForgotAsync(factory, user.Email.ToUpperInvariant())).StatusCode);
        var token = await MailedTokenAsync(factory, user.Email);

        var reset = await ResetAsync(factory, token, NewPassword);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);

        Assert.NotNull(await factory.LoginAsync(user.Email, NewPassword));
        var oldPassword = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { login = user.Email, password = user.Password }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        var oldSession = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = user.Tokens.RefreshToken }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, oldSession.StatusCode);

        await ProblemAssert.IsProblemAsync(await ResetAsync(factory, token, "yet-another-password"), 422, "invalid_reset_token");
    }

    [Fact]
    public async Task Reset_tokens_expire()
    {
        var clock = new TestClock();
        await using var timed = StorefrontFactory.With(configureServices: s => s.AddSingletonTimeProvider(clock));
        var user = await timed.RegisterAndLoginUserAsync();
        await ForgotAsync(timed, user.Email);
        var token = await MailedTokenAsync(timed, user.Email);

        clock.Advance(TimeSpan.FromMinutes(31));

        await ProblemAssert.IsProblemAsync(await ResetAsync(timed, token, NewPassword), 422, "invalid_reset_token");
    }

    [Fact]
    public async Task Reset_validates_the_new_password()
    {
        var problem = await ProblemAssert.IsProblemAsync(await ResetAsync(factory, "whatever", "short"), 400, "validation_failed");

        Assert.True(problem.GetProperty("errors").TryGetProperty("newPassword", out _));
    }

    private static Task<HttpResponseMessage> ForgotAsync(StorefrontFactory app, string email) =>
        app.CreateClient().PostAsJsonAsync("/api/v1/auth/password/forgot", new { email }, Ct);

    private static Task<HttpResponseMessage> ResetAsync(StorefrontFactory app, string token, string newPassword) =>
        app.CreateClient().PostAsJsonAsync("/api/v1/auth/password/reset", new { token, newPassword }, Ct);

    /// <summary>The token is the mail body's line that is neither prose nor empty.</summary>
    private static async Task<string> MailedTokenAsync(StorefrontFactory app, string email)
    {
        var mail = await app.WithDbAsync(db => db.Set<OutboxMail>()
            .SingleAsync(m => m.To == email && m.Kind == PasswordResetEndpoints.MailKind, Ct));
        Assert.Null(mail.SentAt);
        return mail.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[1];
    }
}
