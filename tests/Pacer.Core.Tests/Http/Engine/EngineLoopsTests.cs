using System.Collections.Concurrent;
using Pacer.Core.Http.Engine;
using Pacer.Core.Http.Engine.Transport;
using Xunit;

namespace Pacer.Core.Tests.HttpEngine;

public class EngineLoopsTests
{
    [Fact]
    public async Task Work_posted_from_many_threads_runs_once_each_on_the_chosen_loops_thread()
    {
        var work = Enumerable.Range(0, 4_000).Select(i => new Recorder(i)).ToArray();

        var posted = await Task.WhenAll(Enumerable.Range(0, 4).Select(thread => Task.Run(() =>
            work.Where(w => w.Number % 4 == thread).All(w => EngineLoops.TryPost(affinity: 7, w)))));

        if (!EpollNative.IsSupported)
        {
            // No event loop here: the caller is told to run the work itself.
            Assert.All(posted, Assert.False);
            return;
        }

        Assert.All(posted, Assert.True);
        await Task.WhenAll(work.Select(w => w.Ran.Task)).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.All(work, w => Assert.Equal(1, w.Runs));
        Assert.Single(work.Select(w => w.Loop).Distinct());
        Assert.Same(EventLoop.For(7), work[0].Loop);
        Assert.All(work, w => Assert.StartsWith("pacer-event-loop-", w.ThreadName, StringComparison.Ordinal));
        // Connections opened by posted work stay on its loop; anywhere else they go round-robin.
        Assert.All(work, w => Assert.Same(w.Loop, w.PostedOn));
        Assert.Null(EventLoop.RunningPostedWork);
    }

    [Fact]
    public async Task Work_posted_from_the_loop_itself_runs_after_the_current_item()
    {
        if (!EpollNative.IsSupported)
        {
            Assert.False(EngineLoops.TryPost(0, new Recorder(0)));
            return;
        }

        var order = new ConcurrentQueue<string>();
        var innerPosted = false;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var inner = new Callback(() =>
        {
            order.Enqueue("inner");
            done.SetResult();
        });
        var outer = new Callback(() =>
        {
            // No assertion here: an exception on the loop thread would end the test process.
            innerPosted = EngineLoops.TryPost(3, inner);
            order.Enqueue("outer");
        });

        Assert.True(EngineLoops.TryPost(3, outer));

        await done.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.True(innerPosted);
        Assert.Equal(["outer", "inner"], order);
    }

    private sealed class Recorder(int number) : IThreadPoolWorkItem
    {
        private int _runs;

        public int Number { get; } = number;

        public int Runs => Volatile.Read(ref _runs);

        public EventLoop? Loop { get; private set; }

        public string? ThreadName { get; private set; }

        public EventLoop? PostedOn { get; private set; }

        public TaskCompletionSource Ran { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Execute()
        {
            Loop = EventLoop.Current;
            PostedOn = EventLoop.RunningPostedWork;
            ThreadName = Thread.CurrentThread.Name;
            Interlocked.Increment(ref _runs);
            Ran.TrySetResult();
        }
    }

    private sealed class Callback(Action action) : IThreadPoolWorkItem
    {
        public void Execute() => action();
    }
}
