using System.Net;
using System.Text.Json.Nodes;
using Pacer.Hub.Tests.Infrastructure;
using Pacer.TestSupport;

namespace Pacer.Hub.Tests.Monitors;

/// <summary>A monitor scheduled in the Hub against a server that fails, then recovers: exactly one firing and one resolved alert.</summary>
public sealed class MonitorAlertTests
{
    public const string HealthFlow = """
        # Shop health

        ```step
        @name Health
        GET /health

        [Asserts]
        status == 200
        ```
        """;

    [Fact]
    public async Task A_target_that_fails_then_recovers_sends_exactly_one_firing_and_one_resolved_alert()
    {
        await using var hub = await HubServer.StartAsync(new Dictionary<string, string> { ["Hub:Monitors:PollInterval"] = "00:00:00.2" });
        await using var target = await LoopbackHttpServer.StartAsync();
        await using var webhook = await LoopbackHttpServer.StartAsync();
        target.Status = 503;
        using var api = await HubApi.SignUpAsync(hub);
        var project = await api.CreateProjectAsync();
        var flow = await api.PostAsync($"api/v1/projects/{project}/flows", new { name = "health.flow.md", content = HealthFlow });
        var channel = await api.PostAsync($"api/v1/projects/{project}/alert-channels", new { name = "ops", kind = "webhook", target = webhook.BaseUrl + "/hook" });
        var monitor = await api.PostAsync($"api/v1/projects/{project}/monitors", new
        {
            name = "Shop health",
            flow_id = flow.Data!["id"]!.GetValue<long>(),
            base_url = target.BaseUrl,
            schedule = "* * * * * *",
            channel_ids = new[] { channel.Data!["id"]!.GetValue<long>() },
        });
        Assert.True(monitor.Status == HttpStatusCode.Created, monitor.ToString());

        await target.WaitForAsync(r => r.Count >= 3, TimeSpan.FromSeconds(20), "three failing checks");
        await webhook.WaitForAsync(r => r.Count >= 1, TimeSpan.FromSeconds(10), "the firing alert");
        target.Status = 200;
        var checksWhenRecovered = target.Requests.Count;
        await webhook.WaitForAsync(r => r.Count >= 2, TimeSpan.FromSeconds(20), "the resolved alert");
        await target.WaitForAsync(r => r.Count >= checksWhenRecovered + 3, TimeSpan.FromSeconds(20), "three more passing checks");

        var alerts = webhook.Requests.Select(r => JsonNode.Parse(r.Body)!).ToList();
        Assert.Equal(2, alerts.Count);
        Assert.Equal("firing", alerts[0]["status"]!.GetValue<string>());
        Assert.Equal("resolved", alerts[1]["status"]!.GetValue<string>());
        Assert.All(alerts, a => Assert.Equal("step-failed", a["rule"]!.GetValue<string>()));
        Assert.All(alerts, a => Assert.Equal("Health", a["step"]!.GetValue<string>()));
        Assert.All(alerts, a => Assert.Equal("Shop health", a["flow"]!.GetValue<string>()));
        Assert.Equal(alerts[0]["since"]!.GetValue<string>(), alerts[1]["since"]!.GetValue<string>());
        Assert.Contains("503", alerts[0]["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var stored = await api.GetAsync($"api/v1/projects/{project}/alerts");
        var alert = Assert.Single(stored.Data!["items"]!.AsArray())!;
        Assert.Equal("resolved", alert["status"]!.GetValue<string>());
        Assert.True(alert["failing_checks"]!.GetValue<int>() >= 3, alert.ToJsonString());
        var history = await api.GetAsync($"api/v1/projects/{project}/alerts/{alert["id"]}");
        var kinds = history.Data!["history"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()).ToList();
        Assert.Equal(["firing", "delivered", "resolved", "delivered"], kinds);
        var checks = await api.GetAsync($"api/v1/projects/{project}/monitors/{monitor.Data!["id"]}/checks?per_page=200");
        var passed = checks.Data!["items"]!.AsArray().Select(c => c!["passed"]!.GetValue<bool>()).Reverse().ToList();
        Assert.True(passed.Count >= 6, checks.ToString());
        Assert.Equal(passed.Count, target.Requests.Count);
        Assert.False(passed[0]);
        Assert.True(passed[^1]);
    }

    [Fact]
    public async Task A_schedule_that_is_not_cron_is_refused_with_the_field_named()
    {
        await using var hub = await HubServer.StartAsync();
        using var api = await HubApi.SignUpAsync(hub);
        var project = await api.CreateProjectAsync();
        var flow = await api.PostAsync($"api/v1/projects/{project}/flows", new { name = "health.flow.md", content = HealthFlow });

        var refused = await api.PostAsync($"api/v1/projects/{project}/monitors", new { name = "x", flow_id = flow.Data!["id"]!.GetValue<long>(), schedule = "every minute" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.NotNull(refused.Body!["error"]!["errors"]!["schedule"]);
    }
}
