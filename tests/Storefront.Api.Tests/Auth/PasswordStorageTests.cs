using System.Net;
using System.Net.Http.Json;
using System.Text;
using Konscious.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Storefront.Api.Features.Users;
using Storefront.Api.Infrastructure.PasswordHashing;
using Storefront.Api.Tests.Infrastructure;
using Xunit;

namespace Storefront.Api.Tests.Auth;

/// <summary>Passwords are stored as Argon2id with OWASP's parameters; PBKDF2 hashes from before are upgraded at the next login.</summary>
public sealed class PasswordStorageTests(StorefrontFactory factory) : IClassFixture<StorefrontFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_registered_password_is_stored_as_argon2id_with_owasp_parameters()
    {
        var user = await factory.RegisterAndLoginUserAsync();

        var stored = await StoredHashAsync(user.Id);

        Assert.StartsWith("$argon2id$v=19$m=12288,t=3,p=1$", stored, StringComparison.Ordinal);
        Assert.Equal(6, stored.Split('$').Length);
    }

    [Fact]
    public async Task A_pbkdf2_hash_from_before_still_logs_in_and_is_upgraded_to_argon2id()
    {
        var user = await factory.RegisterAndLoginUserAsync();
        var pbkdf2 = new PasswordHasher<User>(Options.Create(new PasswordHasherOptions { IterationCount = 210_000 }))
            .HashPassword(new User { Email = "", NormalizedEmail = "", Username = "", NormalizedUsername = "", Role = "" }, user.Password);
        await SetStoredHashAsync(user.Id, pbkdf2);

        var wrong = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { login = user.Username, password = "not-the-password" }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(pbkdf2, await StoredHashAsync(user.Id));

        await factory.LoginAsync(user.Username, user.Password);
        var upgraded = await StoredHashAsync(user.Id);
        Assert.StartsWith("$argon2id$", upgraded, StringComparison.Ordinal);
        await factory.LoginAsync(user.Username, user.Password);
        Assert.Equal(upgraded, await StoredHashAsync(user.Id));
    }

    [Fact]
    public void A_hash_made_with_other_argon2id_parameters_verifies_and_asks_for_a_rehash()
    {
        var cheap = new Argon2idPasswordHasher(Options.Create(new PasswordHashingOptions { MemoryKib = 1024, TimeCost = 1 }));
        var current = new Argon2idPasswordHasher(Options.Create(new PasswordHashingOptions()));
        var nobody = new User { Email = "", NormalizedEmail = "", Username = "", NormalizedUsername = "", Role = "" };
        var hash = cheap.HashPassword(nobody, "a password");

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, current.VerifyHashedPassword(nobody, hash, "a password"));
        Assert.Equal(PasswordVerificationResult.Success, cheap.VerifyHashedPassword(nobody, hash, "a password"));
        Assert.Equal(PasswordVerificationResult.Failed, current.VerifyHashedPassword(nobody, hash, "another password"));
        Assert.Equal(PasswordVerificationResult.Failed, current.VerifyHashedPassword(nobody, "$argon2id$v=19$m=x$bad$hash", "a password"));
    }

    /// <summary>RFC 9106 section 5.3: the Argon2id test vector, so the library computes the standard function.</summary>
    [Fact]
    public void The_argon2id_implementation_matches_the_rfc_9106_test_vector()
    {
        using var argon2 = new Argon2id(Enumerable.Repeat((byte)0x01, 32).ToArray())
        {
            Salt = Enumerable.Repeat((byte)0x02, 16).ToArray(),
            KnownSecret = Enumerable.Repeat((byte)0x03, 8).ToArray(),
            AssociatedData = Enumerable.Repeat((byte)0x04, 12).ToArray(),
            MemorySize = 32,
            Iterations = 3,
            DegreeOfParallelism = 4,
        };

        Assert.Equal("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659", Convert.ToHexStringLower(argon2.GetBytes(32)));
    }

    private Task<string> StoredHashAsync(Guid id) =>
        factory.WithDbAsync(db => db.Set<User>().AsNoTracking().Where(u => u.Id == id).Select(u => u.PasswordHash).SingleAsync(Ct));

    private Task<int> SetStoredHashAsync(Guid id, string hash) =>
        factory.WithDbAsync(db => db.Set<User>().Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PasswordHash, hash), Ct));
}
