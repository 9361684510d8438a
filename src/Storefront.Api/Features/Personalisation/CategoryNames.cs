namespace Storefront.Api.Features.Personalisation;

/// <summary>
/// The seeded categories' names in the supported locales (keyed by slug). Product names and descriptions are the
/// merchant's own text and are not translated; a category without a translation keeps its English name.
/// </summary>
internal static class CategoryNames
{
    private static readonly Dictionary<string, Dictionary<string, string>> BySlug = new(StringComparer.Ordinal)
    {
        ["electronics"] = new() { ["de"] = "Elektronik", ["fr"] = "Électronique", ["es"] = "Electrónica" },
        ["books"] = new() { ["de"] = "Bücher", ["fr"] = "Livres", ["es"] = "Libros" },
        ["home-kitchen"] = new() { ["de"] = "Haus & Küche", ["fr"] = "Maison & Cuisine", ["es"] = "Hogar y cocina" },
        ["clothing"] = new() { ["de"] = "Bekleidung", ["fr"] = "Vêtements", ["es"] = "Ropa" },
        ["sports-outdoors"] = new() { ["de"] = "Sport & Freizeit", ["fr"] = "Sports & Plein air", ["es"] = "Deportes y aire libre" },
        ["toys-games"] = new() { ["de"] = "Spielzeug", ["fr"] = "Jeux & Jouets", ["es"] = "Juguetes y juegos" },
        ["beauty"] = new() { ["de"] = "Schönheit", ["fr"] = "Beauté", ["es"] = "Belleza" },
        ["garden"] = new() { ["de"] = "Garten", ["fr"] = "Jardin", ["es"] = "Jardín" },
        ["grocery"] = new() { ["de"] = "Lebensmittel", ["fr"] = "Épicerie", ["es"] = "Alimentación" },
        ["automotive"] = new() { ["de"] = "Auto & Motorrad", ["fr"] = "Auto & Moto", ["es"] = "Automoción" },
    };

    public static string For(string slug, string englishName, string locale) =>
        BySlug.TryGetValue(slug, out var names) && names.TryGetValue(locale, out var name) ? name : englishName;
}
