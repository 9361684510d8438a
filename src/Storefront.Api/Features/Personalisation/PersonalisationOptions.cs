namespace Storefront.Api.Features.Personalisation;

/// <summary><c>Storefront:Personalisation</c> settings: the locales and display currencies a shopper may ask for.</summary>
public sealed class PersonalisationOptions
{
    public const string Section = "Storefront:Personalisation";

    /// <summary>
    /// Units of each display currency per US dollar (the catalog's own currency). Fixed rates, stated in the
    /// OpenAPI document: a display price is the catalog price converted at these rates and rounded to the cent;
    /// orders are still charged in the catalog currency.
    /// </summary>
    public Dictionary<string, decimal> Rates { get; set; } = new(StringComparer.Ordinal)
    {
        ["USD"] = 1m,
        ["EUR"] = 0.92m,
        ["GBP"] = 0.79m,
        ["JPY"] = 151m,
    };
}
