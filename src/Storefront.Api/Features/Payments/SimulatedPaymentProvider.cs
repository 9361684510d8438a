using Microsoft.Extensions.Options;

namespace Storefront.Api.Features.Payments;

/// <summary>
/// A built-in provider whose outcome depends on the test card number, so every failure path
/// can be exercised without a network: see <see cref="Cards"/>. Any other valid number succeeds.
/// </summary>
public sealed class SimulatedPaymentProvider(IOptions<PaymentsOptions> options, TimeProvider time) : IPaymentProvider
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
                return new(false, null, "card_declined");
            case Cards.InsufficientFunds:
                return new(false, null, "insufficient_funds");
            case Cards.ProviderError:
                throw new PaymentProviderException("The simulated provider is unavailable.");
            case Cards.Slow:
                await Task.Delay(options.Value.SlowCardLatency, time, cancellationToken);
                break;
        }

        return new(true, $"sim_{charge.Reference:N}", null);
    }

    public Task CaptureAsync(string providerReference, long amountCents, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RefundAsync(string providerReference, long amountCents, CancellationToken cancellationToken) => Task.CompletedTask;
}
