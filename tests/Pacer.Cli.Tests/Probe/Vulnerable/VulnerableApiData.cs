using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Pacer.Cli.Tests.Probe.Vulnerable;

/// <summary>
/// The vulnerable API's data: users in memory (passwords hashed slowly, as they should be), books and the search log
/// in a private in-memory SQLite database — real SQL, so the planted injections are real — with a <c>sleep(s)</c>
/// function as MySQL has, and 600 products.
/// </summary>
internal sealed class VulnerableApiData : IDisposable
{
    /// <summary>Slow enough (tens of ms) that skipping it for unknown users shows in the timing.</summary>
    private const int HashIterations = 150_000;

    private readonly SqliteConnection connection;
    private readonly SemaphoreSlim gate = new(1, 1);

    public VulnerableApiData()
    {
        connection = new SqliteConnection($"Data Source=vulnerable-{Guid.NewGuid():N};Mode=Memory;Cache=Shared");
        connection.Open();
        connection.CreateFunction("sleep", (double seconds) =>
        {
            Thread.Sleep(TimeSpan.FromSeconds(Math.Clamp(seconds, 0, 5)));
            return 0;
        });
        CreateTables();
        AddUser("alice", "alice-pass", "alice@vulnerable.test", "user");
        AddUser("bob", "bob-pass", "bob@vulnerable.test", "user");
        AddUser("admin", "admin-pass-123", "admin@vulnerable.test", "admin");
        Products = Enumerable.Range(1, 600).Select(i => new Product(i, $"Product {i:000}", "alice")).ToList();
    }

    public ConcurrentDictionary<string, User> Users { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<Product> Products { get; }

    public int ResetCount { get; private set; }

    public static byte[] Hash(string password, byte[] salt) => Rfc2898DeriveBytes.Pbkdf2(password, salt, HashIterations, HashAlgorithmName.SHA256, 32);

    public void AddUser(string name, string password, string email, string role)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        Users[name] = new User(name, email, name, role, salt, Hash(password, salt));
    }

    public static bool PasswordMatches(User user, string password) => CryptographicOperations.FixedTimeEquals(Hash(password, user.Salt), user.PasswordHash);

    /// <summary>Runs SQL text under the database lock (one connection: the API is small, the probe sequential).</summary>
    public async Task<T> SqlAsync<T>(Func<SqliteConnection, T> work)
    {
        await gate.WaitAsync();
        try
        {
            return work(connection);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>What GET /admin/reset does: every book gone but the seeded one.</summary>
    public void Reset()
    {
        CreateTables();
        ResetCount++;
    }

    private void CreateTables()
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            DROP TABLE IF EXISTS books; DROP TABLE IF EXISTS searches; DROP TABLE IF EXISTS regions;
            CREATE TABLE books (title TEXT PRIMARY KEY, secret TEXT NOT NULL, owner TEXT NOT NULL, priority INTEGER NOT NULL);
            CREATE TABLE searches (term TEXT NOT NULL);
            CREATE TABLE regions (code TEXT PRIMARY KEY);
            INSERT INTO regions VALUES ('eu'), ('us'), ('apac');
            INSERT INTO books VALUES ('The admin handbook', 'admin-only secret', 'admin', 3);
            """;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        connection.Dispose();
        gate.Dispose();
    }

    internal sealed record User(string Name, string Email, string DisplayName, string Role, byte[] Salt, byte[] PasswordHash)
    {
        public string HashText => Convert.ToHexString(PasswordHash).ToLowerInvariant();
    }

    internal sealed record Product(int Id, string Name, string Seller);
}
