using System.Text.Json.Nodes;
using Pacer.Core.Execution;

namespace Pacer.Contracts.Probing;

/// <summary>
/// A logged-in user the probe acts as: the bearer token, and — when the user came from a login flow — the login
/// request and response (which operation logs in, which fields hold the identity and the password, what else the
/// login answered, such as a refresh token), and a way to log in again for a fresh session.
/// </summary>
public sealed record ProbeUser
{
    public required string Name { get; init; }

    public required string Token { get; init; }

    /// <summary>The login step's request as sent, when known.</summary>
    public RequestSummary? LoginRequest { get; init; }

    /// <summary>The login step's JSON answer, when known.</summary>
    public JsonNode? LoginResponse { get; init; }

    /// <summary>Logs the same user in again; null when the user was given as a bare token.</summary>
    public Func<CancellationToken, Task<ProbeUser>>? Relogin { get; init; }

    public static ProbeUser FromToken(string name, string token) => new() { Name = name, Token = token };

    /// <summary>The login request's JSON body, when it had one.</summary>
    public JsonObject? LoginBody
    {
        get
        {
            try
            {
                return LoginRequest?.Body is { } body ? Validation.StrictJson.Parse(body) as JsonObject : null;
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }
    }

    /// <summary>The login body's password field (the first whose name contains "pass" or is "pwd"), or null.</summary>
    public string? PasswordField => LoginBody?.Select(p => p.Key).FirstOrDefault(IsPasswordName);

    /// <summary>The login body's identity field: the first string field that is not the password.</summary>
    public string? IdentityField => LoginBody?.FirstOrDefault(p => !IsPasswordName(p.Key) && p.Value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String).Key;

    /// <summary>The identity the user logged in with (an email or a user name), or null.</summary>
    public string? Identity => IdentityField is { } name ? LoginBody?[name]?.GetValue<string>() : null;

    public static bool IsPasswordName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var lower = name.ToLowerInvariant();
        return lower.Contains("pass", StringComparison.Ordinal) || lower is "pwd" or "secret";
    }

    public override string ToString() => Name;
}
