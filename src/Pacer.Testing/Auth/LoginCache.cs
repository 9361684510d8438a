using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pacer.Testing.Auth;

/// <summary>
/// Logs each account in once and hands out its access token from then on. Keep one per test class
/// (e.g. on a class fixture) so a class's tests share logins, while other classes log in for themselves.
/// Concurrent requests for the same account share a single login.
/// </summary>
/// <param name="createClient">An anonymous client whose base address is the API root (an in-process factory's client, say).</param>
/// <param name="loginPath">Where credentials are posted as JSON <c>{"login": ..., "password": ...}</c>.</param>
/// <param name="tokenField">The JSON field of the response that holds the access token.</param>
public sealed class LoginCache(Func<HttpClient> createClient, string loginPath = "auth/login", string tokenField = "accessToken")
{
    private readonly ConcurrentDictionary<(string Login, string Password), Lazy<Task<string>>> _tokens = new();
    private int _logins;

    /// <summary>How many logins were actually sent — what the cache saves is the difference.</summary>
    public int LoginCount => Volatile.Read(ref _logins);

    public Task<string> TokenAsync(string login, string password, CancellationToken cancellationToken = default) =>
        _tokens.GetOrAdd((login, password), key => new Lazy<Task<string>>(() => LogInAsync(key.Login, key.Password, cancellationToken))).Value;

    /// <summary>A new client that sends the account's token as <c>Authorization: Bearer</c>.</summary>
    public async Task<HttpClient> ClientAsync(string login, string password, CancellationToken cancellationToken = default)
    {
        var token = await TokenAsync(login, password, cancellationToken).ConfigureAwait(false);
        var client = createClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Forgets an account's token (after a logout or a password change, say); the next request logs in again.</summary>
    public void Forget(string login, string password) => _tokens.TryRemove((login, password), out _);

    private async Task<string> LogInAsync(string login, string password, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _logins);
        using var client = createClient();
        using var response = await client.PostAsJsonAsync(loginPath.TrimStart('/'), new { login, password }, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            _tokens.TryRemove((login, password), out _);
            throw new InvalidOperationException($"Login as '{login}' failed: {(int)response.StatusCode} {body}");
        }

        using var json = JsonDocument.Parse(body);
        if (json.RootElement.TryGetProperty(tokenField, out var token) && token.GetString() is { Length: > 0 } text)
        {
            return text;
        }

        throw new InvalidOperationException($"Login as '{login}' answered without a '{tokenField}' field: {body}");
    }
}
