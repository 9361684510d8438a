using System.Net;
using System.Text.RegularExpressions;

namespace Pacer.Reports.Tests.Html;

/// <summary>One start tag found in a page: its name, attributes and where it starts.</summary>
internal sealed record PageElement(string Tag, IReadOnlyDictionary<string, string> Attributes, int Position)
{
    public string this[string attribute] => Attributes.TryGetValue(attribute, out var value)
        ? value
        : throw new KeyNotFoundException($"<{Tag}> has no attribute '{attribute}' (has: {string.Join(", ", Attributes.Keys)})");

    public bool Has(string attribute) => Attributes.ContainsKey(attribute);
}

/// <summary>
/// Just enough reading of HTML to check a report: reports and Chromium's serialised DOM always
/// quote attributes with double quotes, so start tags and their attributes are found reliably by
/// pattern, and a child's text by its class.
/// </summary>
internal sealed partial class PageDom(string html)
{
    public string Html { get; } = html;

    /// <summary>Elements named <paramref name="tag"/> (or any tag for "*") carrying <paramref name="attribute"/>, optionally with that exact value.</summary>
    public IReadOnlyList<PageElement> All(string tag, string attribute, string? value = null)
    {
        var found = new List<PageElement>();
        foreach (Match match in StartTag().Matches(Html))
        {
            var name = match.Groups["tag"].Value.ToLowerInvariant();
            if (tag != "*" && name != tag)
            {
                continue;
            }

            var attributes = Attribute().Matches(match.Groups["attrs"].Value)
                .ToDictionary(a => a.Groups["name"].Value.ToLowerInvariant(), a => WebUtility.HtmlDecode(a.Groups["value"].Value));
            if (!attributes.TryGetValue(attribute, out var actual) || (value is not null && actual != value))
            {
                continue;
            }

            found.Add(new PageElement(name, attributes, match.Index));
        }

        return found;
    }

    public PageElement One(string tag, string attribute, string? value = null)
    {
        var found = All(tag, attribute, value);
        return found.Count == 1 ? found[0] : throw new InvalidOperationException($"expected one <{tag} {attribute}={value}>, found {found.Count}");
    }

    /// <summary>The text of the first element with class <paramref name="className"/> at or after <paramref name="element"/>, entities decoded.</summary>
    public string ClassText(PageElement element, string className)
    {
        var match = new Regex($"class=\"(?:[^\"]* )?{Regex.Escape(className)}(?: [^\"]*)?\"[^>]*>(?<text>[^<]*)").Match(Html, element.Position);
        return match.Success ? WebUtility.HtmlDecode(match.Groups["text"].Value).Trim() : throw new InvalidOperationException($"no .{className} after <{element.Tag}>");
    }

    [GeneratedRegex("<(?<tag>[a-zA-Z][a-zA-Z0-9-]*)(?<attrs>(?:\\s+[^\\s=>/]+(?:=\"[^\"]*\")?)*)\\s*/?>")]
    private static partial Regex StartTag();

    [GeneratedRegex("(?<name>[^\\s=>/]+)(?:=\"(?<value>[^\"]*)\")?")]
    private static partial Regex Attribute();
}
