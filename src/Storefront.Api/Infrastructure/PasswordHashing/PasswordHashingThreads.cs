using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Storefront.Api.Infrastructure.PasswordHashing;

/// <summary>
/// Dedicated threads that compute password hashes, first come first served. A hash holds a core for tens of
/// milliseconds; on the thread pool it would hold a thread every other request needs as long (on one core the
/// pool starts with few threads and adds them slowly), so requests hand their hash here and wait asynchronously.
/// How many requests may hand work here at once is bounded by <see cref="PasswordHashingGate"/>.
/// </summary>
public sealed class PasswordHashingThreads : IDisposable
{
    private readonly BlockingCollection<Action> _work = new(new ConcurrentQueue<Action>());
    private readonly Thread[] _threads;

    public PasswordHashingThreads(IOptions<PasswordHashingOptions> options)
    {
        _threads = new Thread[options.Value.EffectiveMaxConcurrent];
        for (var i = 0; i < _threads.Length; i++)
        {
            _threads[i] = new Thread(Work) { IsBackground = true, Name = $"password-hashing-{i}" };
            _threads[i].Start();
        }
    }

    /// <summary>Runs <paramref name="hash"/> on a hashing thread; the returned task completes (or fails) with it.</summary>
    public Task<T> RunAsync<T>(Func<T> hash)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            try
            {
                done.SetResult(hash());
            }
            catch (Exception error)
            {
                done.SetException(error);
            }
        });
        return done.Task;
    }

    public void Dispose()
    {
        _work.CompleteAdding();
        foreach (var thread in _threads)
        {
            thread.Join(TimeSpan.FromSeconds(5));
        }

        _work.Dispose();
    }

    private void Work()
    {
        foreach (var item in _work.GetConsumingEnumerable())
        {
            item();
        }
    }
}
