using Pacer.TestSupport;
using Microsoft.Data.Sqlite;
using Pacer.Cli.History;
using Pacer.Cli.Tests.EndToEnd;
using Xunit;

namespace Pacer.Cli.Tests.History;

/// <summary>The SQLite history: what goes in comes out, references resolve, and a broken or busy file is explained, not crashed on.</summary>
public sealed class HistoryStoreTests : IDisposable
{
    private readonly TempDirectory temp = new();

    private string Database => temp.Combine(".pacer/history.db");

    [Fact]
    public void Entries_round_trip_with_every_field()
    {
        var entry = Entry("checkout.flow.md") with
        {
            Environment = "staging",
            Duration = TimeSpan.FromMilliseconds(1234.5),
            Requests = 2000,
            Failures = 3,
            Rps = 200.5,
            ErrorRate = 0.0015,
            P50Ms = 12.5,
            P95Ms = 40.25,
            P99Ms = 55,
            ResultPath = ".pacer/results/load-1.json",
        };
        using var store = HistoryStore.Open(Database);

        var added = store.Add(entry);
        var read = store.Find(new HistoryReference(added.Id, 0));

        Assert.True(added.Id > 0);
        Assert.Equal(added with { Flows = read!.Flows }, read);
        Assert.Equal(["checkout.flow.md"], read.Flows);
    }

    [Fact]
    public void Last_and_last_tilde_count_back_from_the_newest_and_filter_by_kind()
    {
        using var store = HistoryStore.Open(Database);
        var first = store.Add(Entry("a.flow.md", HistoryKinds.Load));
        var second = store.Add(Entry("b.flow.md"));
        var third = store.Add(Entry("c.flow.md", HistoryKinds.Load));

        Assert.Equal(third.Id, store.Find(HistoryReference.TryParse("last")!)!.Id);
        Assert.Equal(second.Id, store.Find(HistoryReference.TryParse("last~1")!)!.Id);
        Assert.Equal(first.Id, store.Find(HistoryReference.TryParse("last~1")!, HistoryKinds.Load)!.Id);
        Assert.Null(store.Find(HistoryReference.TryParse("last~3")!));
        Assert.Null(store.Find(new HistoryReference(99, 0)));
    }

    [Fact]
    public void List_is_newest_first_limited_and_filtered_by_flow_text()
    {
        using var store = HistoryStore.Open(Database);
        for (var i = 0; i < 5; i++)
        {
            store.Add(Entry(i % 2 == 0 ? "flows/login.flow.md" : "flows/checkout.flow.md"));
        }

        store.Add(Entry("flows/100%_sure.flow.md"));

        Assert.Equal([6L, 5L, 4L], store.List(3).Select(e => e.Id));
        Assert.Equal([5L, 3L, 1L], store.List(10, "login").Select(e => e.Id));
        Assert.Equal([6L], store.List(10, "100%_").Select(e => e.Id));
    }

    [Theory]
    [InlineData("last", null, 0)]
    [InlineData("last~2", null, 2)]
    [InlineData("LAST~10", null, 10)]
    [InlineData("17", 17L, 0)]
    public void References_parse(string text, long? id, int back) =>
        Assert.Equal(new HistoryReference(id, back), HistoryReference.TryParse(text));

    [Theory]
    [InlineData("base.json")]
    [InlineData("last~")]
    [InlineData("last~x")]
    [InlineData("0")]
    [InlineData("-1")]
    public void Non_references_are_not_parsed(string text) => Assert.Null(HistoryReference.TryParse(text));

    [Fact]
    public void A_corrupt_database_is_explained_and_left_untouched()
    {
        var garbage = new byte[8192];
        new Random(7).NextBytes(garbage);
        Directory.CreateDirectory(Path.GetDirectoryName(Database)!);
        File.WriteAllBytes(Database, garbage);

        var exception = Assert.Throws<HistoryException>(() => HistoryStore.Open(Database).Dispose());

        Assert.Contains("is not a readable history database", exception.Message, StringComparison.Ordinal);
        Assert.Contains(Database, exception.Message, StringComparison.Ordinal);
        Assert.Equal(garbage, File.ReadAllBytes(Database));
    }

    [Fact]
    public void A_database_locked_by_another_writer_gives_a_clear_message_after_the_busy_timeout()
    {
        using (HistoryStore.Open(Database))
        {
        }

        using var holder = new SqliteConnection($"Data Source={Database};Pooling=False");
        holder.Open();
        using (var begin = holder.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE";
            begin.ExecuteNonQuery();
        }

        // Opening may already need the lock (WAL mode, schema); either way the message is the same.
        var exception = Assert.Throws<HistoryException>(() =>
        {
            using var store = HistoryStore.Open(Database, TimeSpan.FromMilliseconds(100));
            store.Add(Entry("a.flow.md"));
        });

        Assert.Contains("is locked by another pacer process", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_writers_all_land()
    {
        using (HistoryStore.Open(Database))
        {
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(
            () =>
            {
                for (var n = 0; n < 5; n++)
                {
                    using var store = HistoryStore.Open(Database);
                    store.Add(Entry($"writer{i}.flow.md"));
                }
            },
            TestContext.Current.CancellationToken)));

        using var reader = HistoryStore.Open(Database);
        Assert.Equal(20, reader.List(100).Count);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        temp.Dispose();
    }

    private static HistoryEntry Entry(string flow, string kind = HistoryKinds.Run) => new()
    {
        Kind = kind,
        Flows = [flow],
        StartedAt = new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero),
        Passed = true,
    };
}
