using System.Text;
using System.Text.RegularExpressions;

namespace Pacer.Contracts.Import;

/// <summary>
/// Builds a readable flow file: a title, a paragraph on where it came from, a ```flow block with its
/// variables, then one section per step (heading, optional prose, the ```kest block).
/// </summary>
public sealed partial class FlowText(string title)
{
    private readonly StringBuilder _intro = new();
    private readonly SortedDictionary<string, string> _variables = new(StringComparer.Ordinal);
    private readonly StringBuilder _steps = new();

    public int StepCount { get; private set; }

    public FlowText Paragraph(string text)
    {
        _intro.Append(text.Trim()).Append("\n\n");
        return this;
    }

    public FlowText Variable(string name, string value)
    {
        _variables[name] = value;
        return this;
    }

    public bool HasVariable(string name) => _variables.ContainsKey(name);

    public FlowText Heading(string text)
    {
        _steps.Append("## ").Append(OneLine(text)).Append("\n\n");
        return this;
    }

    public FlowText Step(string heading, string kestBlock, string? note = null)
    {
        StepCount++;
        _steps.Append("### ").Append(OneLine(heading)).Append("\n\n");
        if (!string.IsNullOrWhiteSpace(note))
        {
            _steps.Append(note.Trim()).Append("\n\n");
        }

        _steps.Append(kestBlock).Append('\n');
        return this;
    }

    public ImportedFlow Build(string fileStem)
    {
        var text = new StringBuilder();
        text.Append("# ").Append(OneLine(title)).Append("\n\n").Append(_intro);
        text.Append("```flow\n@name ").Append(OneLine(title)).Append('\n');
        foreach (var (name, value) in _variables)
        {
            text.Append("@var ").Append(name).Append('=').Append(OneLine(value)).Append('\n');
        }

        text.Append("```\n\n").Append(_steps);
        return new ImportedFlow(FileName(fileStem), text.ToString());
    }

    /// <summary>A file name from any text: lower case, words joined by dashes, ending in .flow.md.</summary>
    public static string FileName(string stem)
    {
        ArgumentNullException.ThrowIfNull(stem);
        var slug = NonWord().Replace(stem.ToLowerInvariant(), "-").Trim('-');
        return (slug.Length == 0 ? "flow" : slug) + ".flow.md";
    }

    /// <summary>A variable name Pacer accepts, from any text (<c>base url</c> → <c>base_url</c>).</summary>
    public static string VariableName(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var name = NotNameCharacter().Replace(text.Trim(), "_");
        return name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_') ? "_" + name : name;
    }

    private static string OneLine(string text) => text.Replace('\r', ' ').Replace('\n', ' ').Replace("{{", "{ {", StringComparison.Ordinal).Trim();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonWord();

    [GeneratedRegex("[^A-Za-z0-9_.-]")]
    private static partial Regex NotNameCharacter();
}
