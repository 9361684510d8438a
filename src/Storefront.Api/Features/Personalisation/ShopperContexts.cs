using Microsoft.Net.Http.Headers;

namespace Storefront.Api.Features.Personalisation;

/// <summary>The request's <see cref="ShopperContext"/>, as <see cref="PersonalisationFilter"/> read it.</summary>
public static class ShopperContexts
{
    private static readonly object Key = new();

    public static ShopperContext? Of(HttpContext context) => context.Items.TryGetValue(Key, out var value) ? value as ShopperContext : null;

    internal static void Set(HttpContext context, ShopperContext shopper) => context.Items[Key] = shopper;

    /// <summary>
    /// The tag of this request's representation: a personalised body is a different representation of the same
    /// resource, so it gets a different strong tag (the shopper context's key appended).
    /// </summary>
    public static EntityTagHeaderValue Tag(HttpContext context, EntityTagHeaderValue tag) =>
        Of(context) is { IsDefault: false } shopper
            ? new EntityTagHeaderValue($"{tag.Tag.ToString()[..^1]}-{shopper.Key}\"", tag.IsWeak)
            : tag;
}
