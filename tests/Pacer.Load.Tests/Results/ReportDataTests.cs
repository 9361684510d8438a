using Pacer.Load.Results;
using Xunit;

namespace Pacer.Load.Tests.Results;

/// <summary>The result file's report data (status codes, per-second iterations, targets, step series): written, read back and merged exactly.</summary>
public sealed class ReportDataTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Status_codes_and_the_new_per_second_fields_survive_the_file()
    {
        var result = Sample(T0, 200, 503) with
        {
            Client = new LoadClientInfo { Readied = new ReadiedPath { Ms = 212.5, RehearsedRequests = 40, Connections = 10, ConnectionsTried = 10 } },
        };

        var text = Write(result);
        var read = LoadResultJson.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), "r.json");

        Assert.Contains("\"status_codes\": {", text, StringComparison.Ordinal);
        Assert.Contains("\"200\": 900", text, StringComparison.Ordinal);
        Assert.Contains("\"target_rate\": 100", text, StringComparison.Ordinal);
        Assert.Contains("\"length_seconds\": 0.25", text, StringComparison.Ordinal);
        Assert.Contains("\"rehearsed_requests\": 40", text, StringComparison.Ordinal);
        Assert.DoesNotContain("requests_per_second", text, StringComparison.Ordinal);
        Assert.Equal(result.Summary.StatusCodes, read.Summary.StatusCodes);
        Assert.Equal(result.Steps[0].StatusCodes, read.Steps[0].StatusCodes);
        Assert.Equal(result.TimeSeries, read.TimeSeries);
        Assert.Equal(result.Steps[0].TimeSeries, read.Steps[0].TimeSeries);
        Assert.Equal(result.Client.Readied, read.Client.Readied);
    }

    [Fact]
    public void A_file_without_the_new_fields_reads_with_full_seconds_and_no_codes()
    {
        var text = Write(Sample(T0, 200, 500))
            .Replace("\"length_seconds\": 0.25", "\"ignored\": 0", StringComparison.Ordinal)
            .Replace("\"status_codes\"", "\"ignored_codes\"", StringComparison.Ordinal);

        var read = LoadResultJson.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), "old.json");

        Assert.All(read.TimeSeries, p => Assert.Equal(1, p.LengthSeconds));
        Assert.Empty(read.Summary.StatusCodes);
    }

    [Fact]
    public void Merge_adds_status_codes_exactly_and_aligns_per_second_data_by_wall_clock()
    {
        var a = Sample(T0, 200, 503);
        var b = Sample(T0.AddSeconds(1), 200, 429);

        var merged = LoadResultMerger.Merge([a, b]);

        Assert.Equal(new Dictionary<string, long> { ["200"] = 1800, ["429"] = 100, ["503"] = 100 }, merged.Summary.StatusCodes);
        Assert.Equal(["200", "429", "503"], merged.Summary.StatusCodes.Keys);
        Assert.Equal(merged.Summary.StatusCodes, merged.Steps[0].StatusCodes);

        // a covers seconds 0-2 (the last partial), b 1-3: seconds 1 and 2 hold both.
        Assert.Equal([0L, 1, 2, 3], merged.TimeSeries.Select(p => p.Second));
        Assert.Equal([400L, 800, 800, 400], merged.TimeSeries.Select(p => p.Iterations));
        Assert.Equal([2L, 4, 4, 2], merged.TimeSeries.Select(p => p.Dropped));
        Assert.Equal([100.0, 200, 200, 100], merged.TimeSeries.Select(p => p.TargetRate!.Value));
        Assert.Equal([1.0, 1, 1, 0.25], merged.TimeSeries.Select(p => p.LengthSeconds));
        Assert.Equal([0L, 1, 2, 3], merged.Steps[0].TimeSeries.Select(p => p.Second));
        Assert.Equal([400L, 800, 800, 400], merged.Steps[0].TimeSeries.Select(p => p.Requests));
        Assert.Equal(2.5, merged.Steps[0].TimeSeries[1].P95Ms, 9); // request-weighted: (2 + 3) / 2
    }

    [Fact]
    public void A_partial_second_is_scaled_to_a_per_second_rate()
    {
        var point = new LoadTimePoint { Requests = 30, LengthSeconds = 0.25 };

        Assert.Equal(120, point.RequestsPerSecond);
        Assert.Equal(400, new LoadTimePoint { Requests = 400 }.RequestsPerSecond);
    }

    /// <summary>1,000 requests over 2.25 s, 900 answered 200 and 100 <paramref name="other"/>.</summary>
    private static LoadResult Sample(DateTimeOffset startedAt, int ok, int other)
    {
        var builder = new ResultBuilder(startedAt, 2.25);
        for (var i = 0; i < 1_000; i++)
        {
            builder.Request("Browse", 2_000_000 + i);
        }

        var result = builder.Build();
        var codes = new Dictionary<string, long> { [ok.ToString(System.Globalization.CultureInfo.InvariantCulture)] = 900, [other.ToString(System.Globalization.CultureInfo.InvariantCulture)] = 100 };
        LoadTimePoint Second(long second, double length) => new()
        {
            Second = second,
            Requests = 400,
            Iterations = 400,
            Dropped = 2,
            TargetRate = 100,
            LengthSeconds = length,
            P95Ms = 2 + (startedAt > T0 ? 1 : 0),
        };
        LoadStepTimePoint StepSecond(long second) => new() { Second = second, Requests = 400, P95Ms = 2 + (startedAt > T0 ? 1 : 0) };
        return result with
        {
            Summary = result.Summary with { StatusCodes = codes },
            Steps = [result.Steps[0] with { StatusCodes = codes, TimeSeries = [StepSecond(0), StepSecond(1), StepSecond(2)] }],
            TimeSeries = [Second(0, 1), Second(1, 1), Second(2, 0.25)],
        };
    }

    private static string Write(LoadResult result)
    {
        using var stream = new MemoryStream();
        LoadResultJson.Write(result, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
