using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Konscious.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Storefront.Api.Features.Users;

namespace Storefront.Api.Infrastructure.PasswordHashing;

/// <summary>
/// Argon2id password hashes in the PHC string format (<c>$argon2id$v=19$m=12288,t=3,p=1$salt$hash</c>, the format
/// libargon2 and most other languages read), with a random 128-bit salt and a 256-bit tag. Hashes made before
/// (ASP.NET Core Identity's PBKDF2 v3 format) still verify, and are reported as needing a rehash, so the caller
/// upgrades them at the next successful login; so are Argon2id hashes made with other parameters.
/// </summary>
public sealed class Argon2idPasswordHasher(IOptions<PasswordHashingOptions> options) : IPasswordHasher<User>
{
    private const string Prefix = "$argon2id$v=19$";
    private const int SaltBytes = 16;
    private const int TagBytes = 32;

    // Verifies the old format only; its own iteration count is read from each stored hash.
    private readonly PasswordHasher<User> _legacy = new(Options.Create(new PasswordHasherOptions { CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3 }));

    public string HashPassword(User user, string password)
    {
        var settings = Current();
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var tag = Derive(password, salt, settings, TagBytes);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Prefix}m={settings.MemoryKib},t={settings.TimeCost},p={settings.Parallelism}${Encode(salt)}${Encode(tag)}");
    }

    public PasswordVerificationResult VerifyHashedPassword(User user, string hashedPassword, string providedPassword)
    {
        if (!hashedPassword.StartsWith("$argon2", StringComparison.Ordinal))
        {
            return _legacy.VerifyHashedPassword(user, hashedPassword, providedPassword) == PasswordVerificationResult.Failed
                ? PasswordVerificationResult.Failed
                : PasswordVerificationResult.SuccessRehashNeeded;
        }

        if (!TryParse(hashedPassword, out var stored, out var salt, out var tag))
        {
            return PasswordVerificationResult.Failed;
        }

        var computed = Derive(providedPassword, salt, stored, tag.Length);
        if (!CryptographicOperations.FixedTimeEquals(computed, tag))
        {
            return PasswordVerificationResult.Failed;
        }

        return stored == Current() ? PasswordVerificationResult.Success : PasswordVerificationResult.SuccessRehashNeeded;
    }

    /// <summary>The parameters new hashes get.</summary>
    public Argon2Parameters Current()
    {
        var settings = options.Value;
        return new Argon2Parameters(Math.Max(8, settings.MemoryKib), Math.Max(1, settings.TimeCost), Math.Max(1, settings.Parallelism));
    }

    private static byte[] Derive(string password, byte[] salt, Argon2Parameters parameters, int length)
    {
        using var argon2 = new Argon2id(Encoding.UTF8.GetBytes(password))
        {
            Salt = salt,
            MemorySize = parameters.MemoryKib,
            Iterations = parameters.TimeCost,
            DegreeOfParallelism = parameters.Parallelism,
        };
        return argon2.GetBytes(length);
    }

    /// <summary>Reads <c>$argon2id$v=19$m=…,t=…,p=…$salt$tag</c>; anything else (another version, bad base64) is no match.</summary>
    private static bool TryParse(string phc, out Argon2Parameters parameters, out byte[] salt, out byte[] tag)
    {
        parameters = default;
        salt = tag = [];
        var parts = phc.Split('$');
        if (parts is not ["", "argon2id", "v=19", var settings, var saltText, var tagText])
        {
            return false;
        }

        int? m = null, t = null, p = null;
        foreach (var pair in settings.Split(','))
        {
            var value = pair.Length > 2 && int.TryParse(pair.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : (int?)null;
            switch (pair[..Math.Min(2, pair.Length)])
            {
                case "m=": m = value; break;
                case "t=": t = value; break;
                case "p=": p = value; break;
            }
        }

        if (m is not (>= 8 and <= 4_194_304) || t is not (>= 1 and <= 100) || p is not (>= 1 and <= 64)
            || !TryDecode(saltText, out salt) || !TryDecode(tagText, out tag) || salt.Length < 8 || tag.Length < 16)
        {
            return false;
        }

        parameters = new Argon2Parameters(m.Value, t.Value, p.Value);
        return true;
    }

    // PHC strings use standard base64 without padding.
    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    private static bool TryDecode(string text, out byte[] bytes)
    {
        var padded = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
        bytes = new byte[padded.Length];
        if (Convert.TryFromBase64String(padded, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        bytes = [];
        return false;
    }
}

/// <summary>Argon2id cost: memory in KiB (m), passes (t), lanes (p).</summary>
public readonly record struct Argon2Parameters(int MemoryKib, int TimeCost, int Parallelism);
