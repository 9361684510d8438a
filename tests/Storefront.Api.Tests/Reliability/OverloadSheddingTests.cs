using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Storefront.Api.Features.Payments;
using Storefront.Api.Infrastructure.Overload;
using Storefront.Api.Tests.Infrastructure;
using Storefront.Api.Tests.Orders;
using Xunit;
using Cards = Storefront.Api.Features.Payments.SimulatedPaymentProvider.Cards;

namespace Storefront.Api.Tests.Reliability;

/// <summary>Past its configured capacity Storefront answers 503 + Retry-After at once: never a 500, never a hang.</summary>
public sealed class OverloadSheddingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_burst_past_a_tiny_limit_gets_503_problems_with_retry_after_and_no_500s()
    {
        await using var app = StorefrontFactory.With(new Dictionary<string, string?>
        {
            ["Storefront:Overload:MaxConcurrentRequests"] = "2",
            ["Storefront:Overload:QueueLimit"] = "2",
            ["Storefront:Overload:QueueTimeout"] = "00:00:00.050",
        });
        var client = app.CreateClient();
        using var start = new SemaphoreSlim(0);

        // The burst must really arrive at once: with the thread pool's default minimum (one thread
        // per core), the 120 waiters would resume a few at a time, each request would find a free
        // slot, and nothing would be refused (seen on a quiet 2-core CI machine).
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 128), completionPorts);
        HttpResponseMessage[] responses;
        try
        {
            var burst = Enumerable.Range(0, 120).Select(async i =>
            {
                await start.WaitAsync(Ct);
                return await client.GetAsync($"/api/v1/products?q=a&page={1 + (i % 5)}&pageSize=50", Ct);
            }).ToList();
            start.Release(120);
            responses = await Task.WhenAll(burst);
        }
        finally
        {
            ThreadPool.SetMinThreads(workers, completionPorts);
        }

        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        Assert.DoesNotContain(statuses, s => s >= 500 && s != 503);
        Assert.All(statuses, s => Assert.True(s is 200 or 503, $"unexpected {s}"));
        Assert.Contains(200, statuses);
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.NotEmpty(refused);
        foreach (var response in refused)
        {
            await AssertOverloadedAsync(response);
        }
    }

    [Fact]
    public async Task While_every_slot_is_taken_requests_are_refused_but_health_and_metrics_answer()
    {
        var charging = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var app = StorefrontFactory.With(
            new Dictionary<string, string?>
            {
                ["Storefront:Overload:MaxConcurrentRequests"] = "1",
                ["Storefront:Overload:QueueLimit"] = "0",
                ["Storefront:Payments:SlowCardLatency"] = "00:00:01.500",
            },
            services => services.AddSingleton<IPaymentProvider>(sp => new SignallingProvider(
                ActivatorUtilities.CreateInstance<SimulatedPaymentProvider>(sp), charging)));
        var admin = await app.LoginAsAdminAsync();
        var product = await admin.CreateProductAsync(5);
        var shopper = await app.RegisterAndLoginAsync();
        var order = await shopper.PlaceOrderOkAsync(product.Id, 1);

        // The slow card holds the only slot while the provider takes its time.
        var payment = shopper.PayAsync(order.Id, Cards.Slow);
        await charging.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var refused = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => app.CreateClient().GetAsync("/api/v1/categories", Ct)));
        var health = await app.CreateClient().GetAsync("/api/v1/health", Ct);
        var metrics = await app.CreateClient().GetAsync("/metrics", Ct);

        foreach (var response in refused)
        {
            await AssertOverloadedAsync(response);
        }

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await payment).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/api/v1/categories", Ct)).StatusCode);
        Assert.Contains("status=\"503\"", await metrics.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_bound_lets_every_request_through()
    {
        await using var app = StorefrontFactory.With(new Dictionary<string, string?>
        {
            ["Storefront:Overload:Enabled"] = "false",
            ["Storefront:Overload:MaxConcurrentRequests"] = "1",
            ["Storefront:Overload:QueueLimit"] = "0",
        });
        var client = app.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => client.GetAsync("/api/v1/categories", Ct)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }

    [Fact]
    public async Task The_scheduling_delay_probe_reads_an_idle_pool_as_no_delay_and_does_not_run_when_off()
    {
        using var on = new SchedulingDelayProbe(Microsoft.Extensions.Options.Options.Create(new OverloadOptions()));
        using var off = new SchedulingDelayProbe(Microsoft.Extensions.Options.Options.Create(new OverloadOptions { MaxQueueDelay = TimeSpan.Zero }));

        await Task.Delay(200, Ct);

        Assert.InRange(on.Delay, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.Zero, off.Delay);
    }

    private static async Task AssertOverloadedAsync(HttpResponseMessage response)
    {
        var problem = await ProblemAssert.IsProblemAsync(response, 503, "overloaded");
        var retryAfter = int.Parse(response.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal(retryAfter, problem.GetProperty("retryAfterSeconds").GetInt32());
    }

    /// <summary>Says when the provider has been reached, i.e. the payment request holds its slot.</summary>
    private sealed class SignallingProvider(IPaymentProvider inner, TaskCompletionSource charging) : IPaymentProvider
    {
        public Task<ChargeResult> ChargeAsync(ProviderCharge charge, CancellationToken cancellationToken)
        {
            charging.TrySetResult();
            return inner.ChargeAsync(charge, cancellationToken);
        }

        public Task CaptureAsync(string providerReference, long amountCents, CancellationToken cancellationToken) =>
            inner.CaptureAsync(providerReference, amountCents, cancellationToken);

        public Task RefundAsync(string providerReference, long amountCents, CancellationToken cancellationToken) =>
            inner.RefundAsync(providerReference, amountCents, cancellationToken);

        public Task<ProviderChargeStatus> GetChargeAsync(Guid reference, CancellationToken cancellationToken) =>
            inner.GetChargeAsync(reference, cancellationToken);
    }
}
