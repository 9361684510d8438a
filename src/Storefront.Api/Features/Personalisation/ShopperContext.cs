using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace Storefront.Api.Features.Personalisation;

/// <summary>
/// Who the response is for: a locale, a display currency and a segment. Read from <c>X-Shopper-Context</c>
/// (<c>locale=de; currency=EUR; segment=bargain</c>, every part optional) and, for the locale, from
/// <c>Accept-Language</c> when the header names none. Responses that depend on it say so with <c>Vary</c>.
/// </summary>
public sealed record ShopperContext(string Locale, string Currency, string Segment)
{
    public const string HeaderName = "X-Shopper-Context";
    public const string DefaultLocale = "en";
    public const string DefaultCurrency = "USD";
    public const string DefaultSegment = "default";
    public static readonly string[] Locales = ["en", "de", "fr", "es"];
    public static readonly string[] Segments = [DefaultSegment, "bargain", "premium", "new"];

    public static readonly ShopperContext Default = new(DefaultLocale, DefaultCurrency, DefaultSegment);

    /// <summary>The header's documented shape (parts separated by ';', each key=value).</summary>
    public const string Pattern = "^\\s*(?:(?:locale|currency|segment)\\s*=\\s*[A-Za-z-]{1,16}\\s*)(?:;\\s*(?:locale|currency|segment)\\s*=\\s*[A-Za-z-]{1,16}\\s*)*;?\\s*$";

    public bool IsDefault => this == Default;

    /// <summary>A short key for ETags and caches: equal contexts, equal keys.</summary>
    public string Key => $"{Locale}.{Currency}.{Segment}";

    /// <summary>The sort a segment gets when the query names none.</summary>
    public string? DefaultSort => Segment switch
    {
        "bargain" => "price",
        "premium" => "-price",
        "new" => "-createdAt",
        _ => null,
    };

    /// <summary>The context of this request, or the reason its header is refused.</summary>
    public static ShopperContext? Read(HttpRequest request, IReadOnlyCollection<string> currencies, out string? error)
    {
        error = null;
        var (locale, currency, segment) = ((string?)null, DefaultCurrency, DefaultSegment);
        var header = request.Headers[HeaderName].ToString();
        if (header.Length > 0)
        {
            if (header.Length > 200)
            {
                error = $"{HeaderName} is at most 200 characters.";
                return null;
            }

            foreach (var part in header.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
                var value = pair.Length == 2 ? pair[1] : "";
                switch (pair[0].ToLowerInvariant())
                {
                    case "locale" when Match(value, Locales) is { } found:
                        locale = found;
                        break;
                    case "locale":
                        error = $"{HeaderName}: locale must be one of {string.Join(", ", Locales)} (a region such as de-AT is accepted and read as de).";
                        return null;
                    case "currency" when currencies.Contains(value.ToUpperInvariant()):
                        currency = value.ToUpperInvariant();
                        break;
                    case "currency":
                        error = $"{HeaderName}: currency must be one of {string.Join(", ", currencies)}.";
                        return null;
                    case "segment" when Segments.Contains(value.ToLowerInvariant()):
                        segment = value.ToLowerInvariant();
                        break;
                    case "segment":
                        error = $"{HeaderName}: segment must be one of {string.Join(", ", Segments)}.";
                        return null;
                    default:
                        error = $"{HeaderName}: unknown part '{pair[0]}'; write locale=…; currency=…; segment=… (each optional).";
                        return null;
                }
            }
        }

        locale ??= FromAcceptLanguage(request) ?? DefaultLocale;
        return new ShopperContext(locale, currency, segment);
    }

    /// <summary>The supported language the shopper prefers most (by q, then order); null when none is supported.</summary>
    private static string? FromAcceptLanguage(HttpRequest request)
    {
        if (!StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var ranges))
        {
            return null;
        }

        return ranges.Where(r => (r.Quality ?? 1) > 0)
            .OrderByDescending(r => r.Quality ?? 1)
            .Select(r => Match(r.Value.ToString(), Locales))
            .FirstOrDefault(l => l is not null);
    }

    private static string? Match(string tag, string[] supported)
    {
        var language = tag.Split('-', 2)[0].ToLower(CultureInfo.InvariantCulture);
        return Array.IndexOf(supported, language) is >= 0 and var i ? supported[i] : null;
    }
}
