using System.Text.Json;
using Xunit;

namespace Pacer.Reports.Tests;

public sealed class JsonReportWriterTests
{
    [Fact]
    public void Has_version_summary_and_steps_in_order()
    {
        using var json = Write(SampleRun.Create());
        var root = json.RootElement;

        Assert.Equal(JsonReportWriter.SchemaVersion, root.GetProperty("version").GetInt32());
        Assert.Equal("pacer", root.GetProperty("tool").GetString());
        Assert.Equal(4, root.GetProperty("summary").GetProperty("steps").GetInt32());
        Assert.Equal(1, root.GetProperty("summary").GetProperty("filesFailed").GetInt32());
        Assert.Equal([1, 2, 3], root.GetProperty("files")[0].GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("number").GetInt32()));
    }

    [Fact]
    public void Captured_values_keep_their_json_type()
    {
        using var json = Write(SampleRun.Create());

        var capture = json.RootElement.GetProperty("files")[0].GetProperty("steps")[0].GetProperty("captures")[0];
        Assert.Equal(JsonValueKind.Number, capture.GetProperty("value").ValueKind);
        Assert.Equal(7, capture.GetProperty("value").GetInt32());
    }

    [Fact]
    public void Skipped_step_has_reason_and_null_exchange()
    {
        using var json = Write(SampleRun.Create());

        var skipped = json.RootElement.GetProperty("files")[0].GetProperty("steps")[2];
        Assert.Equal("skipped", skipped.GetProperty("status").GetString());
        Assert.Equal("needs token from step 1", skipped.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, skipped.GetProperty("request").ValueKind);
        Assert.Equal(JsonValueKind.Null, skipped.GetProperty("statusCode").ValueKind);
        Assert.Equal(0, skipped.GetProperty("attempts").GetInt32());
    }

    private static JsonDocument Write(Pacer.Core.Execution.RunResult run)
    {
        using var stream = new MemoryStream();
        new JsonReportWriter().Write(run, stream);
        return JsonDocument.Parse(stream.ToArray());
    }
}
