using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Pacer.Hub.Features.Alerts;
using Pacer.TestSupport;

namespace Pacer.Hub.Tests.Monitors;

/// <summary>What each kind of channel receives, and which failures are retried.</summary>
public sealed class AlertChannelTests : IAsyncLifetime
{
    private static readonly AlertNotice Firing = new(7, 3, 1, Alert.Firing, "Shop health", "step-failed:Health", "503", new DateTime(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc),
        new DateTime(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc), "1 assertion failed: status == 200 (actual 503 (number))");

    private HubServer _hub = null!;
    private LoopbackHttpServer _receiver = null!;

    public async ValueTask InitializeAsync()
    {
        _hub = await HubServer.StartAsync();
        _receiver = await LoopbackHttpServer.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _hub.DisposeAsync();
    }

    [Fact]
    public async Task A_slack_channel_gets_one_text_line_with_the_state_monitor_step_and_rule()
    {
        var senders = _hub.Services.GetRequiredService<AlertSenders>();

        await senders.SendAsync(Channel(AlertChannel.Slack, _receiver.BaseUrl + "/services/T/B/X"), Firing, TestContext.Current.CancellationToken);

        var body = JsonNode.Parse(Assert.Single(_receiver.Requests).Body)!;
        Assert.Equal("[FIRING] Shop health › Health [step-failed]\n1 assertion failed: status == 200 (actual 503 (number))", body["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_webhook_gets_the_fields_pacer_monitor_sends()
    {
        var senders = _hub.Services.GetRequiredService<AlertSenders>();

        await senders.SendAsync(Channel(AlertChannel.Webhook, _receiver.BaseUrl + "/hook"), Firing, TestContext.Current.CancellationToken);

        var body = JsonNode.Parse(Assert.Single(_receiver.Requests).Body)!;
        foreach (var field in new[] { "status", "rule", "flow", "step", "threshold", "since", "detail" })
        {
            Assert.True(body[field] is not null, $"{field} missing from {body.ToJsonString()}");
        }

        Assert.Equal("2026-12-07T10:00:00+00:00", body["since"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_server_error_is_transient_and_a_missing_smtp_host_is_final()
    {
        var senders = _hub.Services.GetRequiredService<AlertSenders>();
        _receiver.Status = 503;

        var server = await Assert.ThrowsAsync<AlertDeliveryException>(() => senders.SendAsync(Channel(AlertChannel.Webhook, _receiver.BaseUrl), Firing, TestContext.Current.CancellationToken));
        var mail = await Assert.ThrowsAsync<AlertDeliveryException>(() => senders.SendAsync(Channel(AlertChannel.Email, "ops@example.test"), Firing, TestContext.Current.CancellationToken));

        Assert.True(server.Transient);
        Assert.False(mail.Transient);
        Assert.Contains("Hub:Smtp:Host", mail.Message, StringComparison.Ordinal);
    }

    private static AlertChannel Channel(string kind, string target) => new() { Name = kind, Kind = kind, Target = target };
}
