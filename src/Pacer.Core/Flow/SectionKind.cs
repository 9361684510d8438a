namespace Pacer.Core.Flow;

/// <summary>The <c>[Section]</c>s of a request block, and how they are spelled.</summary>
internal enum SectionKind
{
    Queries,
    Headers,
    Body,
    Captures,
    Asserts,
    SoftAsserts,
}

internal static class SectionNames
{
    private static readonly Dictionary<string, SectionKind> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Queries"] = SectionKind.Queries,
        ["Headers"] = SectionKind.Headers,
        ["Body"] = SectionKind.Body,
        ["Data"] = SectionKind.Body,
        ["Captures"] = SectionKind.Captures,
        ["Asserts"] = SectionKind.Asserts,
        ["Soft Asserts"] = SectionKind.SoftAsserts,
    };

    public static IReadOnlyCollection<string> All => Known.Keys;

    /// <summary>A line is a section header when it is <c>[Words]</c> and nothing else, so JSON like <c>[1, 2]</c> is not.</summary>
    public static bool IsSectionLine(string trimmed)
    {
        if (trimmed.Length <= 2 || trimmed[0] != '[' || trimmed[^1] != ']')
        {
            return false;
        }

        var name = trimmed[1..^1];
        return name.Any(char.IsLetter) && name.All(c => char.IsLetter(c) || c is ' ' or '_' or '-');
    }

    /// <summary>Exact names only (any case): <c>[Asserts ]</c> is a typo worth pointing out.</summary>
    public static SectionKind? Find(string name) => Known.TryGetValue(name, out var kind) ? kind : null;
}
