using Pacer.Load.Metrics;
using Xunit;

namespace Pacer.Load.Tests.Metrics;

public sealed class StatusCodeTests
{
    [Fact]
    public void Responses_are_counted_by_status_and_no_response_is_not_a_status()
    {
        var step = new StepRecorder();
        foreach (var status in new[] { 200, 200, 201, 503, 0, -1, 99, 1000, 999 })
        {
            step.RecordStatus(status);
        }

        Assert.Equal(new Dictionary<int, long> { [200] = 2, [201] = 1, [503] = 1, [999] = 1 }, step.Snapshot().StatusCodes);
    }

    [Fact]
    public void Counting_a_status_allocates_nothing()
    {
        var step = new StepRecorder();
        step.RecordStatus(200);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            step.RecordStatus(200 + (i % 400));
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void Counting_from_many_threads_loses_nothing()
    {
        var step = new StepRecorder();
        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 50_000; i++)
            {
                step.RecordStatus(i % 2 == 0 ? 200 : 429);
            }
        });

        Assert.Equal(new Dictionary<int, long> { [200] = 200_000, [429] = 200_000 }, step.Snapshot().StatusCodes);
    }

    [Fact]
    public void Steps_combine_code_by_code()
    {
        var a = new StepRecorder();
        var b = new StepRecorder();
        a.RecordStatus(200);
        a.RecordStatus(500);
        b.RecordStatus(200);

        var total = StepMetrics.Combine([a.Snapshot(), b.Snapshot()]);

        Assert.Equal(new Dictionary<int, long> { [200] = 2, [500] = 1 }, total.StatusCodes);
    }
}
