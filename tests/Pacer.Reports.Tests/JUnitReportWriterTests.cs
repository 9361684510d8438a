using System.Xml.Linq;
using Xunit;

namespace Pacer.Reports.Tests;

public sealed class JUnitReportWriterTests
{
    [Fact]
    public void Writes_a_suite_per_flow_and_a_case_per_step_with_counts()
    {
        var root = Write(SampleRun.Create());

        Assert.Equal(("4", "1", "1", "0"), (root.Attribute("tests")!.Value, root.Attribute("failures")!.Value, root.Attribute("skipped")!.Value, root.Attribute("errors")!.Value));
        var suites = root.Elements("testsuite").ToList();
        Assert.Equal(["Auth <&> flow", "ok.flow.md"], suites.Select(s => s.Attribute("name")!.Value));
        Assert.Equal(["1. Login | admin", "2. Profile", "3. Projects"], suites[0].Elements("testcase").Select(c => c.Attribute("name")!.Value));
        Assert.Equal("2026-11-22T01:00:00", suites[0].Attribute("timestamp")!.Value);
    }

    [Fact]
    public void Failure_carries_reason_assertion_with_location_and_body()
    {
        var failure = Write(SampleRun.Create()).Descendants("failure").Single();

        Assert.Equal("1 assertion failed", failure.Attribute("message")!.Value);
        Assert.Contains("body.code == 0 at flows/auth.flow.md:20:1: expected 0 (number), actual 1 (number)", failure.Value, StringComparison.Ordinal);
        Assert.Contains("\"message\": \"nope\"", failure.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_in_a_body_still_give_valid_xml()
    {
        var root = Write(SampleRun.Create(failedBody: "bad\u0001\u0008body <tag>"));

        Assert.Contains("badbody <tag>", root.Descendants("failure").Single().Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Soft_failures_are_reported_in_system_out()
    {
        var output = Write(SampleRun.Create()).Descendants("system-out").Single();

        Assert.Contains("warning (soft): body.fast < 10", output.Value, StringComparison.Ordinal);
    }

    private static XElement Write(Pacer.Core.Execution.RunResult run)
    {
        using var stream = new MemoryStream();
        new JUnitReportWriter().Write(run, stream);
        stream.Position = 0;
        return XDocument.Load(stream).Root!;
    }
}
