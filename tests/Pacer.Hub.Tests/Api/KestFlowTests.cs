using Pacer.Hub.Tests.Infrastructure;
using Pacer.TestSupport;

namespace Pacer.Hub.Tests.Api;

/// <summary>The first "done when": kest's performance flow passes unchanged against a freshly started Hub.</summary>
public sealed class KestFlowTests
{
    [Fact]
    public async Task Kest_performance_flow_passes_unchanged_against_a_fresh_hub()
    {
        await using var hub = await HubServer.StartAsync();

        var result = await FlowFiles.RunAsync(FlowFiles.Path("Flows/kest-performance.flow.md"), hub.BaseUrl);
        TestContext.Current.TestOutputHelper?.WriteLine(FlowFiles.Timings(result));

        Assert.True(result.Passed, FlowFiles.Explain(result));
        Assert.Equal(10, result.PassedCount);
        // Only latency budgets may be soft: every status and body.code assertion held.
        Assert.All(result.Steps.SelectMany(s => s.Warnings), w => Assert.StartsWith("duration <", w.Assertion.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_hub_runs_on_the_database_the_test_environment_names()
    {
        await using var hub = await HubServer.StartAsync();
        using var api = HubApi.Anonymous(hub);

        var health = await api.GetAsync("api/v1/health");

        Assert.Equal(hub.OnPostgres ? "postgresql" : "sqlite", health.Data!["database"]!.GetValue<string>());
        Assert.Equal(Environment.GetEnvironmentVariable(HubServer.PostgresVariable) is { Length: > 0 }, hub.OnPostgres);
    }

    [Fact]
    public async Task Auto_sign_up_names_the_field_it_refuses()
    {
        await using var hub = await HubServer.StartAsync();
        using var api = HubApi.Anonymous(hub);

        var badName = await api.PostAsync("api/v1/login", new { username = "no spaces allowed", password = "long-enough" });
        var shortPassword = await api.PostAsync("api/v1/login", new { username = "newcomer", password = "abc" });

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, badName.Status);
        Assert.NotNull(badName.Body!["error"]!["errors"]!["username"]);
        Assert.NotNull(shortPassword.Body!["error"]!["errors"]!["password"]);
    }

    [Fact]
    public async Task Outside_development_auto_sign_up_is_refused_at_start()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => HubServer.StartAsync(
            new Dictionary<string, string> { ["Hub:Auth:AutoSignUp"] = "true", ["Hub:Auth:SigningKey"] = new string('k', 48) }, "Production"));

        Assert.Contains("AutoSignUp", error.Message, StringComparison.Ordinal);
        Assert.Contains("Development", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("too-short-key")]
    public async Task Outside_development_a_missing_or_weak_signing_key_stops_the_start(string key)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => HubServer.StartAsync(
            new Dictionary<string, string> { ["Hub:Auth:SigningKey"] = key }, "Production"));

        Assert.Contains("SigningKey", error.Message.Replace("signing key", "SigningKey", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
