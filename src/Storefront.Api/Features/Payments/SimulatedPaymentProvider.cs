using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Storefront.Api.Features.Catalog;
using Storefront.Api.Features.Inventory;
using Storefront.Api.Infrastructure.Database;

namespace Storefront.Api.Features.Payments;

/// <summary>
/// A built-in provider whose outcome depends on the test card number, so every failure path
/// can be exercised without a network: see <see cref="Cards"/>. Any other valid number succeeds.
/// Approvals and declines are written to its own table (<see cref="SimulatedCharge"/>) the moment it decides, so
/// <see cref="GetChargeAsync"/> can tell reconciliation what happened to a charge Storefront crashed waiting for.
/// </summary>
public sealed class SimulatedPaymentProvider(IOptions<PaymentsOptions> options, TimeProvider time, IServiceScopeFactory scopes) : IPaymentProvider
{
    public static class Cards
    {
        public const string Succeeds = "4242424242424242";
        public const string Declined = "4000000000000002";
        public const string InsufficientFunds = "4000000000009995";
        public const string ProviderError = "4000000000000119";
        public const string Slow = "4000000000000077";
    }

    public async Task<ChargeResult> ChargeAsync(ProviderCharge charge, CancellationToken cancellationToken)
    {
        switch (charge.Card.Number)
        {
            case Cards.Declined:
                return await DecideAsync(charge, new(false, null, "card_declined"));
            case Cards.InsufficientFunds:
                return await DecideAsync(charge, new(false, null, "insufficient_funds"));
            case Cards.ProviderError:
                throw new PaymentProviderException("The simulated provider is unavailable.");
            case Cards.Slow:
                await Task.Delay(options.Value.SlowCardLatency, time, cancellationToken);
                break;
        }

        return await DecideAsync(charge, new(true, $"sim_{charge.Reference:N}", null));
    }

    public Task CaptureAsync(string providerReference, long amountCents, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RefundAsync(string providerReference, long amountCents, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<ProviderChargeStatus> GetChargeAsync(Guid reference, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StorefrontDbContext>();
        var charge = await db.Set<SimulatedCharge>().AsNoTracking().FirstOrDefaultAsync(c => c.Reference == reference, cancellationToken);
        return charge is null
            ? ProviderChargeStatus.Unknown
            : new ProviderChargeStatus(true, charge.Approved, charge.ProviderReference, charge.DeclineCode);
    }

    /// <summary>Records the decision on the provider's side before answering, as a provider would.</summary>
    private async Task<ChargeResult> DecideAsync(ProviderCharge charge, ChargeResult result)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StorefrontDbContext>();
        db.Add(new SimulatedCharge
        {
            Reference = charge.Reference,
            Approved = result.Approved,
            ProviderReference = result.ProviderReference,
            DeclineCode = result.DeclineCode,
            CreatedAt = time.UtcNowForStorage(),
        });
        await db.RetryAsync(async ct =>
        {
            await db.SaveChangesAsync(ct);
            return true;
        }, CancellationToken.None);
        return result;
    }
}
