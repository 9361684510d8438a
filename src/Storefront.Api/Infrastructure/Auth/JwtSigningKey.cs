using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Storefront.Api.Infrastructure.Auth;

/// <summary>
/// The HS256 key. Configured via Storefront:Jwt:SigningKey; in Development a random key is generated
/// once and kept in the data directory so tokens survive restarts.
/// </summary>
public sealed class JwtSigningKey(SymmetricSecurityKey key)
{
    public const int MinimumBytes = 32;
    public const string DevelopmentKeyFile = "jwt-signing.key";

    public SymmetricSecurityKey Key { get; } = key;

    public static JwtSigningKey Resolve(string? configured, IHostEnvironment environment, string dataDirectory)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            if (!environment.IsDevelopment() && Weakness(configured) is { } weakness)
            {
                throw new InvalidOperationException(
                    $"Storefront:Jwt:SigningKey is too weak for {environment.EnvironmentName}: {weakness}. " +
                    "Use at least 32 random bytes, e.g. the output of `openssl rand -base64 48`.");
            }

            return FromSecret(configured, "Storefront:Jwt:SigningKey");
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"Storefront:Jwt:SigningKey is required outside Development (at least {MinimumBytes} bytes; " +
                "e.g. set the environment variable Storefront__Jwt__SigningKey).");
        }

        var directory = DataDirectory.EnsureWritable(dataDirectory, environment);
        var path = Path.Combine(directory, DevelopmentKeyFile);
        if (!File.Exists(path))
        {
            File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)));
        }

        return FromSecret(File.ReadAllText(path).Trim(), path);
    }

    /// <summary>
    /// Why a configured key is guessable, or null. HMAC keys are attacked offline from one captured token, with
    /// dictionaries of published example secrets and with brute force over small alphabets.
    /// </summary>
    public static string? Weakness(string secret)
    {
        if (Encoding.UTF8.GetByteCount(secret) < MinimumBytes)
        {
            return $"{Encoding.UTF8.GetByteCount(secret)} bytes, fewer than {MinimumBytes}";
        }

        if (secret.Distinct().Count() < 10)
        {
            return "fewer than 10 distinct characters";
        }

        var lower = secret.ToLowerInvariant();
        return KnownExampleSecrets.FirstOrDefault(example => lower.Contains(example, StringComparison.Ordinal)) is { } known
            ? $"it contains the published example secret \"{known}\""
            : null;
    }

    // Secrets copied from documentation and tutorials, which every JWT-cracking wordlist starts with.
    private static readonly string[] KnownExampleSecrets =
    [
        "your-256-bit-secret", "your-secret-key", "your_secret_key", "secretkey", "changeme", "change-me", "change_me",
        "mysecret", "my-secret", "supersecret", "super-secret", "replace-me", "todo-change",
    ];

    private static JwtSigningKey FromSecret(string secret, string source)
    {
        var bytes = Encoding.UTF8.GetBytes(secret);
        if (bytes.Length < MinimumBytes)
        {
            throw new InvalidOperationException(
                $"The JWT signing key from {source} is {bytes.Length} bytes; HS256 needs at least {MinimumBytes}.");
        }

        return new JwtSigningKey(new SymmetricSecurityKey(bytes) { KeyId = "storefront-hs256" });
    }
}
