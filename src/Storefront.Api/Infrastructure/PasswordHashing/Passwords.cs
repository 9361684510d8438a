using Microsoft.AspNetCore.Identity;
using Storefront.Api.Features.Users;

namespace Storefront.Api.Infrastructure.PasswordHashing;

/// <summary>Hashing and verifying passwords, computed on the <see cref="PasswordHashingThreads"/>, never on a request thread.</summary>
public sealed class Passwords(IPasswordHasher<User> hasher, PasswordHashingThreads threads)
{
    private static readonly User Nobody = new() { Email = "", NormalizedEmail = "", Username = "", NormalizedUsername = "", Role = "" };

    public Task<string> HashAsync(User user, string password) => threads.RunAsync(() => hasher.HashPassword(user, password));

    public Task<PasswordVerificationResult> VerifyAsync(User user, string password) =>
        threads.RunAsync(() => hasher.VerifyHashedPassword(user, user.PasswordHash, password));

    /// <summary>For an unknown login: costs what a real check costs, so timing tells nothing about which accounts exist.</summary>
    public Task HashForNobodyAsync(string password) => threads.RunAsync(() => hasher.HashPassword(Nobody, password));
}
