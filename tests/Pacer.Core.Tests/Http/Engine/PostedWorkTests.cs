using Pacer.Core.Http.Engine.Transport;
using Xunit;

namespace Pacer.Core.Tests.HttpEngine;

public class PostedWorkTests
{
    [Fact]
    public void Hands_over_items_in_the_order_they_were_added_across_growth_and_wraparound()
    {
        var posted = new PostedWork();
        var batch = new IThreadPoolWorkItem?[4];
        var next = 0;
        var seen = new List<int>();
        // Take part of the time so the ring's head moves before it has to grow past 64.
        for (var round = 0; round < 5; round++)
        {
            for (var i = 0; i < 50 * (round + 1); i++)
            {
                posted.Add(new Numbered(next++));
            }

            var taken = posted.TakeAll(ref batch);
            seen.AddRange(batch.Take(taken).Select(item => ((Numbered)item!).Number));
            Assert.True(posted.IsEmpty);
        }

        Assert.Equal(Enumerable.Range(0, next), seen);
    }

    [Fact]
    public void Taking_from_an_empty_queue_gives_nothing()
    {
        var posted = new PostedWork();
        var batch = Array.Empty<IThreadPoolWorkItem?>();

        Assert.Equal(0, posted.TakeAll(ref batch));
        Assert.True(posted.IsEmpty);
    }

    private sealed record Numbered(int Number) : IThreadPoolWorkItem
    {
        public void Execute()
        {
        }
    }
}
