namespace Storefront.Api.Features.Catalog;

/// <summary>Conversions between the decimal amounts in JSON and the integer cents in the database.</summary>
public static class Money
{
    public const string DefaultCurrency = "USD";
    public const int MaxNameLength = 200;

    public static decimal FromCents(long cents) => cents / 100m;

    /// <summary>Null when the amount has fractions of a cent or does not fit.</summary>
    public static long? ToCents(decimal amount)
    {
        var cents = amount * 100m;
        return cents == decimal.Truncate(cents) && cents is >= long.MinValue and <= long.MaxValue
            ? (long)cents
            : null;
    }
}
