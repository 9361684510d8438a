using System.Security.Cryptography;
using System.Text;

namespace Pacer.Hub.Infrastructure.Auth;

/// <summary>Random bearer secrets (refresh tokens, API tokens, invitations): only their SHA-256 is stored.</summary>
public static class SecretTokens
{
    public const string ApiTokenPrefix = "pch_";

    public static string New(string prefix = "") =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string HashOf(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret ?? "")));
}
