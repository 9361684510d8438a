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
            return FromSecret(configured, "Storefront:Jwt:SigningKey");
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"Storefront:Jwt:SigningKey is required outside Development (at least {MinimumBytes} bytes; " +
                "e.g. set the environment variable Storefront__Jwt__SigningKey).");
        }

        var directory = Path.GetFullPath(dataDirectory, environment.ContentRootPath);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, DevelopmentKeyFile);
        if (!File.Exists(path))
        {
            File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)));
        }

        return FromSecret(File.ReadAllText(path).Trim(), path);
    }

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
