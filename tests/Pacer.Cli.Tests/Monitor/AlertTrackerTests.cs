using Pacer.Core.Plan;
using Pacer.Cli.Monitor;
using Xunit;

namespace Pacer.Cli.Tests.Monitor;

public sealed class AlertTrackerTests
{
    private readonly StepClock clock = new();

    private static RuleOutcome Login(bool failing, string flow = "Shop") =>
        new(RuleOutcome.StepFailed, flow, "Login", failing, failing ? "503" : null, failing ? "status == 200" : null, failing ? "1 assertion failed" : "passed");

    [Fact]
    public void One_firing_when_a_rule_starts_failing_and_one_resolved_when_it_passes_again()
    {
        var tracker = new AlertTracker(clock, reminder: null);
        var alerts = new List<Alert>();
        var started = clock.Now.AddSeconds(30);
        foreach (var failing in new[] { false, true, true, true, true, false, false })
        {
            clock.Advance(TimeSpan.FromSeconds(30));
            alerts.AddRange(tracker.Observe([Login(failing)]));
        }

        Assert.Equal([Alert.Firing, Alert.Resolved], alerts.Select(a => a.Status));
        Assert.All(alerts, a => Assert.Equal(started.AddSeconds(30), a.Since));
        Assert.Equal("503", alerts[0].Value);
        Assert.Equal("status == 200", alerts[0].Threshold);
        Assert.Equal("passing again after 4 failing checks (2m)", alerts[1].Detail);
        Assert.Empty(tracker.Firing);
    }

    [Fact]
    public void A_reminder_repeats_a_firing_alert_once_per_interval_while_it_keeps_failing()
    {
        var tracker = new AlertTracker(clock, reminder: TimeSpan.FromHours(1));
        var alerts = new List<Alert>();
        for (var minute = 0; minute <= 150; minute += 10)
        {
            alerts.AddRange(tracker.Observe([Login(failing: true)]));
            clock.Advance(TimeSpan.FromMinutes(10));
        }

        alerts.AddRange(tracker.Observe([Login(failing: false)]));

        Assert.Equal([Alert.Firing, Alert.Firing, Alert.Firing, Alert.Resolved], alerts.Select(a => a.Status));
        Assert.StartsWith("still failing after 7 checks (1h)", alerts[1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_of_different_flows_and_steps_are_tracked_apart()
    {
        var tracker = new AlertTracker(clock, reminder: null);

        var first = tracker.Observe([Login(true, "Shop"), Login(false, "Admin")]);
        var second = tracker.Observe([Login(true, "Shop"), Login(true, "Admin")]);

        Assert.Equal("Shop", Assert.Single(first).Flow);
        Assert.Equal("Admin", Assert.Single(second).Flow);
        Assert.Equal(2, tracker.Firing.Count());
    }

    [Fact]
    public void A_rule_that_says_nothing_keeps_its_state()
    {
        var tracker = new AlertTracker(clock, reminder: null);

        var fired = tracker.Observe([Login(true)]);
        var silent = tracker.Observe([]);

        Assert.Single(fired);
        Assert.Empty(silent);
        Assert.Single(tracker.Firing);
    }

    [Fact]
    public void Alerts_serialise_to_the_documented_webhook_shape()
    {
        var alert = new Alert(Alert.Firing, "p95<300ms", "Shop", null, "412ms", "p95<300ms", clock.Now, "412ms over the last 5 check(s)");

        using var json = System.Text.Json.JsonDocument.Parse(alert.ToJson());

        Assert.Equal(
            ["status", "rule", "flow", "step", "value", "threshold", "since", "detail"],
            json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("firing", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.RootElement.GetProperty("step").ValueKind);
        Assert.Equal(clock.Now, json.RootElement.GetProperty("since").GetDateTimeOffset());
    }
}
