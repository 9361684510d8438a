using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Storefront.Api.Features.Catalog;
using Storefront.Api.Features.Recommendations;
using Storefront.Api.Infrastructure.Errors;

namespace Storefront.Api.Features.Personalisation;

/// <summary>
/// On catalog reads: refuses a malformed <c>X-Shopper-Context</c> with 400, keeps the context for the handler (a
/// segment's default sort; the ETag, see <see cref="ShopperContexts"/>), and renders what the handler returned for the
/// shopper: category names in their locale, prices in their currency. Always sets <c>Vary</c>, so a shared cache never
/// serves one shopper's representation to another, and <c>Content-Language</c>.
/// </summary>
internal sealed class PersonalisationFilter(IOptions<PersonalisationOptions> options) : IEndpointFilter
{
    public const string Vary = "Accept-Language, " + ShopperContext.HeaderName;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        http.Response.Headers.Append(HeaderNames.Vary, Vary);
        var rates = options.Value.Rates;
        if (ShopperContext.Read(http.Request, rates.Keys, out var error) is not { } shopper)
        {
            return StorefrontProblems.BadRequest(error!, "invalid_shopper_context");
        }

        ShopperContexts.Set(http, shopper);
        http.Response.Headers.ContentLanguage = shopper.Locale;
        var result = await next(context);
        if (shopper.Locale == ShopperContext.DefaultLocale && shopper.Currency == ShopperContext.DefaultCurrency)
        {
            return result;
        }

        return (result is INestedHttpResult nested ? nested.Result : result) switch
        {
            Ok<ProductPage> { Value: { } page } => TypedResults.Ok(page with { Items = [.. page.Items.Select(p => Render(p, shopper, rates))] }),
            Ok<ProductResponse> { Value: { } product } => TypedResults.Ok(Render(product, shopper, rates)),
            Ok<RecommendationsResponse> { Value: { } recommended } => TypedResults.Ok(recommended with
            {
                BoughtTogether = [.. recommended.BoughtTogether.Select(r => r with { Product = Render(r.Product, shopper, rates) })],
                TrendingNow = [.. recommended.TrendingNow.Select(r => r with { Product = Render(r.Product, shopper, rates) })],
                Similar = [.. recommended.Similar.Select(r => r with { Product = Render(r.Product, shopper, rates) })],
            }),
            Ok<List<CategoryResponse>> { Value: { } categories } => TypedResults.Ok(
                categories.Select(c => c with { Name = CategoryNames.For(c.Slug, c.Name, shopper.Locale) }).ToList()),
            _ => result,
        };
    }

    private static ProductResponse Render(ProductResponse product, ShopperContext shopper, Dictionary<string, decimal> rates)
    {
        if (product.Currency == shopper.Currency || !rates.TryGetValue(product.Currency, out var from) || !rates.TryGetValue(shopper.Currency, out var to))
        {
            return product;
        }

        // Currencies without minor units (JPY) are shown whole.
        var decimals = new RegionCurrencyDigits(shopper.Currency).Digits;
        return product with { Price = Math.Round(product.Price / from * to, decimals, MidpointRounding.AwayFromZero), Currency = shopper.Currency };
    }

    private readonly record struct RegionCurrencyDigits(string Currency)
    {
        public int Digits => Currency is "JPY" or "KRW" ? 0 : 2;
    }
}
