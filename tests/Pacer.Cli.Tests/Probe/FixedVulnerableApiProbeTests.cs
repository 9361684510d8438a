using Pacer.Cli.Tests.Probe.Vulnerable;
using Pacer.Contracts.Probing;
using Pacer.Contracts.Probing.Reports;
using Xunit;

namespace Pacer.Cli.Tests.Probe;

/// <summary>The probe, with its default limits, against <see cref="VulnerableApi"/> with every flaw fixed: no finding at all.</summary>
[Collection(ProbeTiming.Collection)]
public sealed class FixedVulnerableApiProbeTests : IAsyncLifetime
{
    private VulnerableApiProbe probe = null!;
    private ProbeReport report = null!;

    public async ValueTask InitializeAsync()
    {
        probe = await VulnerableApiProbe.StartAsync(new HashSet<VulnerableApiFlaw>());
        report = await probe.RunAsync();
    }

    public ValueTask DisposeAsync() => probe.DisposeAsync();

    [Fact]
    public void Finds_nothing_when_every_flaw_is_fixed()
    {
        using var output = new StringWriter();
        ProbeConsoleReport.Write(output, report);

        Assert.True(report.Clean, output.ToString());
        Assert.Equal(0, probe.Api.ResetCount);
        Assert.InRange(report.RequestsSent, 100, 2000);
        TestContext.Current.TestOutputHelper?.WriteLine($"no flaws: {report.RequestsSent} requests in {report.Duration.TotalSeconds:F1} s");
    }

    [Fact]
    public void Every_check_had_something_to_check_on_this_api() =>
        Assert.DoesNotContain(report.Notes, n => n.Contains(": not run", StringComparison.Ordinal));
}
