using Pacer.TestSupport;
using Pacer.Cli.Monitor;
using Xunit;

namespace Pacer.Cli.Tests.Monitor;

/// <summary>Delivery to a real receiver on loopback: retried with backoff when it fails, given up on when told no.</summary>
public sealed class WebhookSenderTests
{
    private static readonly Alert Sample = new(Alert.Firing, RuleOutcome.StepFailed, "Shop", "Login", "500", "status == 200", DateTimeOffset.UnixEpoch, "1 assertion failed");

    [Fact]
    public async Task A_receiver_that_fails_twice_gets_the_same_alert_until_it_accepts()
    {
        await using var receiver = await ScriptedServer.StartAsync(n => (n <= 2 ? 503 : 202, TimeSpan.Zero));
        using var client = new HttpClient();
        using var log = new StringWriter();
        var sender = new WebhookSender(client, new Uri(receiver.BaseUrl + "/hook"), TimeProvider.System, log);

        var delivered = await sender.SendAsync(Sample, TestContext.Current.CancellationToken);

        Assert.True(delivered);
        Assert.Equal([503, 503, 202], receiver.Received.Select(r => r.Status));
        Assert.Single(receiver.Received.Select(r => r.Body).Distinct());
        Assert.Equal(Sample.ToJson(), receiver.Received.First().Body);
        Assert.Empty(log.ToString());
    }

    [Fact]
    public async Task A_client_error_is_final_and_logged()
    {
        await using var receiver = await ScriptedServer.StartAsync(_ => (400, TimeSpan.Zero));
        using var client = new HttpClient();
        using var log = new StringWriter();
        var sender = new WebhookSender(client, new Uri(receiver.BaseUrl + "/hook"), TimeProvider.System, log);

        var delivered = await sender.SendAsync(Sample, TestContext.Current.CancellationToken);

        Assert.False(delivered);
        Assert.Equal(1, receiver.Requests);
        Assert.Contains("after 1 attempt(s): HTTP 400", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_receiver_is_tried_a_bounded_number_of_times()
    {
        using var client = new HttpClient();
        using var log = new StringWriter();
        var url = new Uri($"http://127.0.0.1:{FreePort.Find()}/hook");
        var sender = new WebhookSender(client, url, TimeProvider.System, log);

        var delivered = await sender.SendAsync(Sample, TestContext.Current.CancellationToken);

        Assert.False(delivered);
        Assert.Contains($"after {WebhookSender.MaxAttempts} attempt(s)", log.ToString(), StringComparison.Ordinal);
    }
}
