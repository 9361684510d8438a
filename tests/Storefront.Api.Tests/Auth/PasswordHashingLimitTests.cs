using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Storefront.Api.Features.Users;
using Storefront.Api.Infrastructure.PasswordHashing;
using Storefront.Api.Tests.Infrastructure;
using Xunit;

namespace Storefront.Api.Tests.Auth;

/// <summary>Password hashing is bounded: a burst of logins waits for a slot, and past a short queue gets 503.</summary>
public sealed class PasswordHashingLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_login_finding_every_hashing_slot_taken_and_the_queue_full_gets_503_with_Retry_After()
    {
        using var hasher = new HeldPasswordHasher();
        await using var app = StorefrontFactory.With(
            new Dictionary<string, string?>
            {
                ["Storefront:PasswordHashing:MaxConcurrent"] = "1",
                ["Storefront:PasswordHashing:QueueLimit"] = "0",
                ["Storefront:PasswordHashing:RetryAfterSeconds"] = "2",
            },
            services => services.AddSingleton<IPasswordHasher<User>>(sp =>
                hasher.Wrapping(ActivatorUtilities.CreateInstance<PasswordHasher<User>>(sp))));
        await app.InitializeAsync();
        var user = await app.RegisterAndLoginUserAsync();
        var body = new { login = user.Username, password = user.Password };

        hasher.Hold();
        var first = app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", body, Ct);
        Assert.True(hasher.Entered.Wait(TimeSpan.FromSeconds(30), Ct), "the first login never reached the hasher");
        var refused = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", body, Ct);
        hasher.Release();

        var problem = await ProblemAssert.IsProblemAsync(refused, 503, "overloaded");
        Assert.Equal("2", Assert.Single(refused.Headers.GetValues("Retry-After")));
        Assert.Equal(2, problem.GetProperty("retryAfterSeconds").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await first).StatusCode);
    }

    [Fact]
    public async Task Requests_past_the_slots_wait_in_order_up_to_the_queue_limit_and_the_rest_are_refused()
    {
        using var gate = new PasswordHashingGate(Options.Create(new PasswordHashingOptions { MaxConcurrent = 1, QueueLimit = 1 }));

        var holder = await gate.TryEnterAsync(Ct);
        var waiter = gate.TryEnterAsync(Ct).AsTask();
        var refused = await gate.TryEnterAsync(Ct);

        Assert.NotNull(holder);
        Assert.False(waiter.IsCompleted);
        Assert.Null(refused);
        Assert.Equal(1, gate.Rejected);
        holder.Dispose();
        using var next = await waiter.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.NotNull(next);
    }

    [Fact]
    public async Task New_hashes_use_PBKDF2_with_the_configured_iteration_count()
    {
        await using var app = StorefrontFactory.With();
        await app.InitializeAsync();
        var hasher = app.Services.GetRequiredService<IPasswordHasher<User>>();
        var expected = app.Services.GetRequiredService<IOptions<PasswordHashingOptions>>().Value.Iterations;

        var hash = Convert.FromBase64String(hasher.HashPassword(new User { Email = "", NormalizedEmail = "", Username = "", NormalizedUsername = "", Role = "" }, "a password"));

        // Identity's v3 layout: 0x01, PRF (1 = HMAC-SHA256, 2 = HMAC-SHA512), iteration count, all big-endian.
        Assert.Equal(0x01, hash[0]);
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(1)));
        Assert.Equal((uint)expected, BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5)));
        Assert.Equal(210_000, new PasswordHashingOptions().Iterations);
    }

    /// <summary>Verifies through the real hasher, but once <see cref="Hold"/> is called the next check waits for <see cref="Release"/>.</summary>
    private sealed class HeldPasswordHasher : IPasswordHasher<User>, IDisposable
    {
        private readonly ManualResetEventSlim _released = new(true);
        private IPasswordHasher<User>? _inner;
        private int _held;

        public ManualResetEventSlim Entered { get; } = new(false);

        public HeldPasswordHasher Wrapping(IPasswordHasher<User> inner)
        {
            _inner = inner;
            return this;
        }

        public void Hold()
        {
            _released.Reset();
            Interlocked.Exchange(ref _held, 1);
        }

        public void Release() => _released.Set();

        public void Dispose()
        {
            _released.Dispose();
            Entered.Dispose();
        }

        public string HashPassword(User user, string password) => _inner!.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(User user, string hashedPassword, string providedPassword)
        {
            if (Interlocked.Exchange(ref _held, 0) == 1)
            {
                Entered.Set();
                _released.Wait(TimeSpan.FromSeconds(30));
            }

            return _inner!.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
