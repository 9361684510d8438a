using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Pacer.Cli.History;

/// <summary>
/// The run history in <c>.pacer/history.db</c> (SQLite). The database runs in WAL mode with a busy
/// timeout, so a run recording while <c>pacer history</c> reads (or two runs finishing together)
/// waits instead of failing. Every SQLite failure becomes a <see cref="HistoryException"/> that
/// says what is wrong with which file; the file is never deleted or rewritten to "repair" it.
/// </summary>
public sealed class HistoryStore : IDisposable
{
    /// <summary>How long a write waits for another process holding the database, by default.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(5);

    private const int SchemaVersion = 1;

    private const string Columns =
        "id, kind, flows, environment, started_at, duration_ms, passed, requests, failures, rps, error_rate, p50_ms, p95_ms, p99_ms, result_path";

    private readonly SqliteConnection connection;

    private readonly TimeSpan busyTimeout;

    private HistoryStore(string path, SqliteConnection connection, TimeSpan busyTimeout)
    {
        Path = path;
        this.connection = connection;
        this.busyTimeout = busyTimeout;
    }

    public string Path { get; }

    /// <summary>Opens (creating when missing) the database at <paramref name="path"/>.</summary>
    public static HistoryStore Open(string path, TimeSpan? busyTimeout = null)
    {
        var timeout = busyTimeout ?? DefaultBusyTimeout;
        var full = System.IO.Path.GetFullPath(path);
        SqliteConnection? connection = null;
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            var builder = new SqliteConnectionStringBuilder
            {
                DataSource = full,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = false,
                DefaultTimeout = Math.Max(1, (int)timeout.TotalSeconds),
            };
            connection = new SqliteConnection(builder.ToString());
            connection.Open();
            var store = new HistoryStore(full, connection, timeout);
            store.Execute($"PRAGMA busy_timeout = {(int)timeout.TotalMilliseconds}");
            store.Execute("PRAGMA journal_mode = WAL");
            store.EnsureSchema();
            return store;
        }
        catch (Exception exception) when (exception is SqliteException or IOException or UnauthorizedAccessException)
        {
            connection?.Dispose();
            throw Explain(full, timeout, exception);
        }
    }

    /// <summary>Adds <paramref name="entry"/> and returns it with its new id.</summary>
    public HistoryEntry Add(HistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Guard(() =>
        {
            using var command = connection.CreateCommand();
            command.CommandText =
                "INSERT INTO runs (kind, flows, environment, started_at, duration_ms, passed, requests, failures, rps, error_rate, p50_ms, p95_ms, p99_ms, result_path) " +
                "VALUES ($kind, $flows, $environment, $started_at, $duration_ms, $passed, $requests, $failures, $rps, $error_rate, $p50, $p95, $p99, $result_path) RETURNING id";
            command.Parameters.AddWithValue("$kind", entry.Kind);
            command.Parameters.AddWithValue("$flows", JsonSerializer.Serialize(entry.Flows));
            command.Parameters.AddWithValue("$environment", (object?)entry.Environment ?? DBNull.Value);
            command.Parameters.AddWithValue("$started_at", entry.StartedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$duration_ms", entry.Duration.TotalMilliseconds);
            command.Parameters.AddWithValue("$passed", entry.Passed ? 1 : 0);
            command.Parameters.AddWithValue("$requests", entry.Requests);
            command.Parameters.AddWithValue("$failures", entry.Failures);
            command.Parameters.AddWithValue("$rps", entry.Rps);
            command.Parameters.AddWithValue("$error_rate", entry.ErrorRate);
            command.Parameters.AddWithValue("$p50", entry.P50Ms);
            command.Parameters.AddWithValue("$p95", entry.P95Ms);
            command.Parameters.AddWithValue("$p99", entry.P99Ms);
            command.Parameters.AddWithValue("$result_path", (object?)entry.ResultPath ?? DBNull.Value);
            var id = (long)command.ExecuteScalar()!;
            return entry with { Id = id };
        });
    }

    /// <summary>The newest runs first, at most <paramref name="limit"/>, optionally only those whose flows mention <paramref name="flow"/>.</summary>
    public IReadOnlyList<HistoryEntry> List(int limit, string? flow = null, string? kind = null) => Guard(() =>
    {
        using var command = connection.CreateCommand();
        var filters = new List<string>();
        if (!string.IsNullOrEmpty(flow))
        {
            filters.Add("flows LIKE $flow ESCAPE '\\'");
            var escaped = flow.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
            command.Parameters.AddWithValue("$flow", "%" + escaped + "%");
        }

        if (kind is not null)
        {
            filters.Add("kind = $kind");
            command.Parameters.AddWithValue("$kind", kind);
        }

        var where = filters.Count == 0 ? "" : " WHERE " + string.Join(" AND ", filters);
        command.CommandText = $"SELECT {Columns} FROM runs{where} ORDER BY id DESC LIMIT $limit";
        command.Parameters.AddWithValue("$limit", limit);
        return ReadAll(command);
    });

    /// <summary>The run a reference names, or null when there is none (no such id, or not that many runs).</summary>
    public HistoryEntry? Find(HistoryReference reference, string? kind = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return Guard(() =>
        {
            using var command = connection.CreateCommand();
            if (reference.Id is { } id)
            {
                command.CommandText = $"SELECT {Columns} FROM runs WHERE id = $id" + (kind is null ? "" : " AND kind = $kind");
                command.Parameters.AddWithValue("$id", id);
            }
            else
            {
                command.CommandText = $"SELECT {Columns} FROM runs" + (kind is null ? "" : " WHERE kind = $kind") + " ORDER BY id DESC LIMIT 1 OFFSET $back";
                command.Parameters.AddWithValue("$back", reference.Back);
            }

            if (kind is not null)
            {
                command.Parameters.AddWithValue("$kind", kind);
            }

            return ReadAll(command).FirstOrDefault();
        });
    }

    public void Dispose() => connection.Dispose();

    private void EnsureSchema()
    {
        Execute("""
            CREATE TABLE IF NOT EXISTS runs (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                kind TEXT NOT NULL,
                flows TEXT NOT NULL,
                environment TEXT,
                started_at TEXT NOT NULL,
                duration_ms REAL NOT NULL,
                passed INTEGER NOT NULL,
                requests INTEGER NOT NULL,
                failures INTEGER NOT NULL,
                rps REAL NOT NULL,
                error_rate REAL NOT NULL,
                p50_ms REAL NOT NULL,
                p95_ms REAL NOT NULL,
                p99_ms REAL NOT NULL,
                result_path TEXT
            )
            """);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        var version = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (version > SchemaVersion)
        {
            throw new HistoryException($"{Path}: history schema version {version} is newer than this Pacer understands ({SchemaVersion}); upgrade Pacer");
        }

        Execute($"PRAGMA user_version = {SchemaVersion}");
    }

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<HistoryEntry> ReadAll(SqliteCommand command)
    {
        var entries = new List<HistoryEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            entries.Add(new HistoryEntry
            {
                Id = reader.GetInt64(0),
                Kind = reader.GetString(1),
                Flows = JsonSerializer.Deserialize<List<string>>(reader.GetString(2)) ?? [],
                Environment = reader.IsDBNull(3) ? null : reader.GetString(3),
                StartedAt = DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                Duration = TimeSpan.FromMilliseconds(reader.GetDouble(5)),
                Passed = reader.GetInt64(6) != 0,
                Requests = reader.GetInt64(7),
                Failures = reader.GetInt64(8),
                Rps = reader.GetDouble(9),
                ErrorRate = reader.GetDouble(10),
                P50Ms = reader.GetDouble(11),
                P95Ms = reader.GetDouble(12),
                P99Ms = reader.GetDouble(13),
                ResultPath = reader.IsDBNull(14) ? null : reader.GetString(14),
            });
        }

        return entries;
    }

    private T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception exception) when (exception is SqliteException or JsonException or FormatException or InvalidCastException)
        {
            throw Explain(Path, busyTimeout, exception);
        }
    }

    private static HistoryException Explain(string path, TimeSpan busyTimeout, Exception exception) => exception switch
    {
        SqliteException { SqliteErrorCode: 5 or 6 } =>
            new HistoryException($"{path} is locked by another pacer process (waited {busyTimeout.TotalSeconds:0.#}s); try again when it has finished", exception),
        SqliteException { SqliteErrorCode: 11 or 26 } =>
            new HistoryException($"{path} is not a readable history database ({exception.Message.TrimEnd('.')}); move it aside to start a new history — it was left untouched", exception),
        SqliteException { SqliteErrorCode: 8 or 14 or 23 } or UnauthorizedAccessException or IOException =>
            new HistoryException($"{path} cannot be opened for writing ({exception.Message.TrimEnd('.')})", exception),
        _ => new HistoryException($"{path}: history database error ({exception.Message.TrimEnd('.')})", exception),
    };
}
