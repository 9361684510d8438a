using System.Net;
using Pacer.Hub.Tests.Infrastructure;
using Pacer.TestSupport;

namespace Pacer.Hub.Tests.Api;

/// <summary>Password guessing meets a limit per client address (Hub:RateLimiting).</summary>
public sealed class LoginRateLimitTests
{
    [Fact]
    public async Task Logins_past_the_limit_get_429_with_retry_after_in_the_envelope()
    {
        await using var hub = await HubServer.StartAsync(new Dictionary<string, string>
        {
            ["Hub:RateLimiting:LoginPermitLimit"] = "3",
            ["Hub:Auth:AutoSignUp"] = "false",
        });
        using var anonymous = HubApi.Anonymous(hub);

        var answers = new List<HubApi.Reply>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await anonymous.PostAsync("api/v1/login", new { username = "nobody", password = "wrong-password" }));
        }

        Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.Unauthorized, a.Status));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[3].Status);
        Assert.Equal(429, answers[3].Code);
    }
}
