using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Storefront.Api.Features.Auth;
using Storefront.Api.Infrastructure.Database;
using Xunit;

namespace Storefront.Api.Tests.Infrastructure;

/// <summary>
/// Storefront in memory (TestServer) on its own database: a fresh temp SQLite directory, or a fresh
/// PostgreSQL database when STOREFRONT_TEST_PG holds a connection string. Use as a class fixture,
/// or <see cref="With"/> for a factory with different settings or services (dispose it yourself).
/// </summary>
public class StorefrontFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string PostgresVariable = "STOREFRONT_TEST_PG";
    public const string SigningKey = "storefront-test-signing-key-0123456789-abcdefghij";
    public const string Issuer = "storefront";
    public const string Audience = "storefront-api";
    public const string AdminEmail = "admin@storefront.local";
    public const string AdminPassword = "admin-test-password";
    public const string ShopperPassword = "shopper-test-password";
    public const string UserPassword = "correct-horse-battery";

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configureServices;
    private readonly PostgresTestDatabase? _postgres;
    private int _userCounter;

    public StorefrontFactory() : this(null, null)
    {
    }

    private StorefrontFactory(IEnumerable<KeyValuePair<string, string?>>? settings, Action<IServiceCollection>? configureServices)
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "storefront-tests", Guid.NewGuid().ToString("N"));
        _configureServices = configureServices;
        _settings = new Dictionary<string, string?>
        {
            ["Storefront:DataDirectory"] = DataDirectory,
            ["Storefront:Jwt:SigningKey"] = SigningKey,
            ["Storefront:Admin:Password"] = AdminPassword,
            ["Storefront:Admin:ShopperPassword"] = ShopperPassword,
            // Tests log in far more than 10 times a minute from one "IP"; the rate-limit tests lower these.
            ["Storefront:RateLimiting:LoginPermitLimit"] = "100000",
            ["Storefront:RateLimiting:AuthPermitLimit"] = "100000",
            ["Storefront:RateLimiting:PerIpPermitLimit"] = "100000",
            ["Storefront:RateLimiting:PerUserPermitLimit"] = "100000",
            // The overload bound stays on, but a busy CI machine must not turn a test's burst into 503s by
            // queueing it past the 2 s default; the overload tests set their own tiny limits.
            ["Storefront:Overload:QueueTimeout"] = "00:01:00",
            ["Storefront:Overload:QueueLimit"] = "512",
            // The queue-delay check measures the whole machine's scheduling; tests share it with the test runner itself.
            ["Storefront:Overload:MaxQueueDelay"] = "00:00:00",
            // Likewise the hashing queue: tests register users in bursts (16 at once); PasswordHashingLimitTests sets its own.
            ["Storefront:PasswordHashing:QueueLimit"] = "1000",
        };

        _postgres = PostgresTestDatabase.FromEnvironment();
        if (_postgres is not null)
        {
            _settings["ConnectionStrings:Storefront"] = _postgres.ConnectionString;
        }

        foreach (var (key, value) in settings ?? [])
        {
            _settings[key] = value;
        }
    }

    public string DataDirectory { get; }

    /// <summary>The settings this factory starts with; pass them to <see cref="With"/> to open the same database again.</summary>
    public IReadOnlyDictionary<string, string?> Settings => _settings;

    public bool UsesPostgres => _postgres is not null;

    /// <summary>A factory with extra settings (e.g. "Storefront:RateLimiting:LoginPermitLimit") or test services.</summary>
    public static StorefrontFactory With(IEnumerable<KeyValuePair<string, string?>>? settings = null, Action<IServiceCollection>? configureServices = null) =>
        new(settings, configureServices);

    public ValueTask InitializeAsync()
    {
        // Starting the server creates the database and seeds it.
        _ = Server;
        return ValueTask.CompletedTask;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_configureServices is not null)
        {
            builder.ConfigureTestServices(_configureServices);
        }
    }

    /// <summary>A new shopper, registered and logged in; the client sends its bearer token.</summary>
    public async Task<HttpClient> RegisterAndLoginAsync() => (await RegisterAndLoginUserAsync()).Client;

    /// <summary>Like <see cref="RegisterAndLoginAsync"/>, with the account's details and tokens.</summary>
    public async Task<TestUser> RegisterAndLoginUserAsync(string? fullName = null)
    {
        var n = Interlocked.Increment(ref _userCounter);
        var username = $"user{n}_{Guid.NewGuid().ToString("N")[..8]}";
        var email = $"{username}@example.test";
        var anonymous = CreateClient();
        var register = await anonymous.PostAsJsonAsync("/api/v1/auth/register",
            new { email, username, password = UserPassword, fullName }, TestContext.Current.CancellationToken);
        register.EnsureSuccessStatusCode();
        var created = await register.Content.ReadFromJsonAsync<RegisteredUser>(TestContext.Current.CancellationToken);
        var tokens = await LoginAsync(email, UserPassword);
        return new TestUser(created!.Id, email, username, UserPassword, tokens, CreateClient(tokens.AccessToken));
    }

    /// <summary>The seeded admin, logged in.</summary>
    public async Task<HttpClient> LoginAsAdminAsync() => CreateClient((await LoginAsync(AdminEmail, AdminPassword)).AccessToken);

    public async Task<TokenResponse> LoginAsync(string login, string password)
    {
        var response = await CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { login, password }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenResponse>(TestContext.Current.CancellationToken))!;
    }

    public HttpClient CreateClient(string accessToken)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    /// <summary>Runs <paramref name="work"/> against the app's own database in a fresh scope.</summary>
    public async Task<T> WithDbAsync<T>(Func<StorefrontDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<StorefrontDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_postgres is not null)
        {
            await _postgres.DropAsync();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }

        GC.SuppressFinalize(this);
    }

    private sealed record RegisteredUser(Guid Id);
}

/// <summary>A registered, logged-in shopper: <see cref="Client"/> sends its access token.</summary>
public sealed record TestUser(Guid Id, string Email, string Username, string Password, TokenResponse Tokens, HttpClient Client);
