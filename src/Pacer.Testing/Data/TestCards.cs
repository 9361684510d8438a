namespace Pacer.Testing.Data;

/// <summary>What Storefront's simulated payment provider does with a card.</summary>
public enum CardOutcome
{
    Succeeds,
    Declined,
    InsufficientFunds,
    ProviderError,
    Slow,
}

/// <summary>A card to pay with. Expiry and CVC are valid; only <see cref="Number"/> decides the outcome.</summary>
public sealed record TestCard(string Number, CardOutcome Outcome, int ExpMonth, int ExpYear, string Cvc);

/// <summary>
/// Storefront's test card numbers (the Stripe-style convention its simulated provider follows).
/// Anything else that passes the Luhn check is accepted.
/// </summary>
public static class TestCards
{
    public const string Succeeds = "4242424242424242";
    public const string Declined = "4000000000000002";
    public const string InsufficientFunds = "4000000000009995";
    public const string ProviderError = "4000000000000119";

    /// <summary>Succeeds after the provider's configured delay: for timeout and latency tests.</summary>
    public const string Slow = "4000000000000077";

    public static string NumberFor(CardOutcome outcome) => outcome switch
    {
        CardOutcome.Succeeds => Succeeds,
        CardOutcome.Declined => Declined,
        CardOutcome.InsufficientFunds => InsufficientFunds,
        CardOutcome.ProviderError => ProviderError,
        CardOutcome.Slow => Slow,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "unknown card outcome"),
    };
}
