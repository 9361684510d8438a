using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Pacer.Hub.Infrastructure.Auth;

/// <summary>
/// The HS256 key for access tokens. Configured as <c>Hub:Auth:SigningKey</c>; in Development a random
/// key is generated once into the data directory so tokens survive restarts. Outside Development a
/// missing or short key stops the Hub at start with the setting to fix.
/// </summary>
public sealed class HubSigningKey(SymmetricSecurityKey key)
{
    public const int MinimumBytes = 32;
    public const string DevelopmentKeyFile = "hub-signing.key";

    public SymmetricSecurityKey Key { get; } = key;

    public static HubSigningKey Resolve(string? configured, IHostEnvironment environment, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!string.IsNullOrEmpty(configured))
        {
            return FromSecret(configured, "Hub:Auth:SigningKey");
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"Hub:Auth:SigningKey is required outside Development: at least {MinimumBytes} bytes, e.g. " +
                "Hub__Auth__SigningKey=\"$(openssl rand -base64 48)\". (Development generates one in the data directory.)");
        }

        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, DevelopmentKeyFile);
        if (!File.Exists(path))
        {
            File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)));
        }

        return FromSecret(File.ReadAllText(path).Trim(), path);
    }

    private static HubSigningKey FromSecret(string secret, string source)
    {
        var bytes = Encoding.UTF8.GetBytes(secret);
        if (bytes.Length < MinimumBytes)
        {
            throw new InvalidOperationException(
                $"The signing key from {source} is {bytes.Length} bytes; HS256 needs at least {MinimumBytes} (a weak key lets anyone forge tokens).");
        }

        return new HubSigningKey(new SymmetricSecurityKey(bytes) { KeyId = "pacer-hub-hs256" });
    }
}
