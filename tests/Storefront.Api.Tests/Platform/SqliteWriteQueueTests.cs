using Microsoft.Extensions.DependencyInjection;
using Storefront.Api.Infrastructure.Database;
using Storefront.Api.Tests.Infrastructure;
using Xunit;

namespace Storefront.Api.Tests.Platform;

/// <summary>On SQLite, write attempts of one process take turns instead of polling the file's write lock.</summary>
public sealed class SqliteWriteQueueTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_second_writer_waits_for_the_first_and_a_nested_write_does_not_wait_for_itself()
    {
        await using var app = StorefrontFactory.With();
        await app.InitializeAsync();
        await using var firstScope = app.Services.CreateAsyncScope();
        await using var secondScope = app.Services.CreateAsyncScope();
        var firstDb = firstScope.ServiceProvider.GetRequiredService<StorefrontDbContext>();
        var secondDb = secondScope.ServiceProvider.GetRequiredService<StorefrontDbContext>();
        var release = new TaskCompletionSource();
        var firstStarted = new TaskCompletionSource();

        var first = SqliteWriteQueue.RunAsync(firstDb, async () =>
        {
            firstStarted.SetResult();
            // Re-entrant: the same flow writing again must not queue behind itself.
            await SqliteWriteQueue.RunAsync(firstDb, () => Task.FromResult(0), Ct);
            await release.Task;
            return 1;
        }, Ct);
        await firstStarted.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var second = SqliteWriteQueue.RunAsync(secondDb, () => Task.FromResult(2), Ct);
        await Task.Delay(50, Ct);

        if (app.UsesPostgres)
        {
            // PostgreSQL locks rows, not the database: nothing queues.
            Assert.True(second.IsCompleted);
        }
        else
        {
            Assert.False(second.IsCompleted);
        }

        release.SetResult();
        Assert.Equal(1, await first.WaitAsync(TimeSpan.FromSeconds(30), Ct));
        Assert.Equal(2, await second.WaitAsync(TimeSpan.FromSeconds(30), Ct));
    }
}
