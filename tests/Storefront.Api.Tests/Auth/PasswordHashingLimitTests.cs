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

/// <summary>Password hashing is bounded: a burst of logins is admitted up to the hashing threads and a short queue, the rest get 503 at once.</summary>
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
    public void The_gate_admits_the_hashing_slots_and_the_queue_then_refuses_at_once()
    {
        var gate = new PasswordHashingGate(Options.Create(new PasswordHashingOptions { MaxConcurrent = 1, QueueLimit = 1 }));

        var hashing = gate.TryEnter();
        var queued = gate.TryEnter();
        var refused = gate.TryEnter();

        Assert.NotNull(hashing);
        Assert.NotNull(queued);
        Assert.Null(refused);
        Assert.Equal(1, gate.Rejected);
        hashing.Dispose();
        hashing.Dispose();
        using var next = gate.TryEnter();
        Assert.NotNull(next);
        Assert.Null(gate.TryEnter());
    }

    [Fact]
    public async Task Hashes_run_on_the_hashing_threads_not_on_the_thread_pool()
    {
        using var threads = new PasswordHashingThreads(Options.Create(new PasswordHashingOptions { MaxConcurrent = 1 }));

        var (name, pooled) = await threads.RunAsync(() => (Thread.CurrentThread.Name, Thread.CurrentThread.IsThreadPoolThread));

        Assert.Equal("password-hashing-0", name);
        Assert.False(pooled);
        await Assert.ThrowsAsync<InvalidOperationException>(() => threads.RunAsync<int>(() => throw new InvalidOperationException("boom")));
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
