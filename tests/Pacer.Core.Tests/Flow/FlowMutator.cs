using System.Text;

namespace Pacer.Core.Tests.Flow;

/// <summary>
/// Damages realistic flow files the ways editors and people do: characters and lines deleted,
/// inserted and duplicated, sections swapped, stray braces, backticks, unicode, huge numbers, CRLF.
/// </summary>
internal sealed class FlowMutator(Random random)
{
    private static readonly string[] Fragments =
    [
        "{{", "}}", "```", "~~~", "`", "[Asserts]", "[Captures]", "[Body]", "[Assert]", "@retry", "@type exec", "@max-duration",
        "\"", "\\\"", "'", "==", "===", " in [", "]", "length", " matches \"[\"", "$stdout", "{{$", "{{$env.", "| default: ",
        "é", "😀", "\u0000", "\uFEFF", "\t", "\r", "\r\n", "99999999999999999999999999999", "-1e309", "1e309", "#", "## ", "- ",
        "//", "Content-Type: application/json", "{\"a\": ", "GET ", "GTE ", "\u200B", "\uD800", "[0]", "[-1]", "[\"k",
    ];

    public string Mutate(string flow)
    {
        var text = flow;
        var rounds = random.Next(1, 6);
        for (var i = 0; i < rounds; i++)
        {
            text = random.Next(10) switch
            {
                8 => SwapSections(text),
                0 => DeleteChars(text),
                1 => InsertFragment(text),
                2 => DuplicateChars(text),
                3 => DeleteLine(text),
                4 => DuplicateLine(text),
                5 => SwapLines(text),
                6 => text.Replace("\n", "\r\n", StringComparison.Ordinal),
                7 => Truncate(text),
                _ => InsertFragment(InsertFragment(text)),
            };
        }

        return text;
    }

    private int Position(string text) => random.Next(text.Length + 1);

    private string DeleteChars(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var start = random.Next(text.Length);
        return text.Remove(start, Math.Min(random.Next(1, 8), text.Length - start));
    }

    private string InsertFragment(string text) => text.Insert(Position(text), Fragments[random.Next(Fragments.Length)]);

    private string DuplicateChars(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var start = random.Next(text.Length);
        var piece = text.Substring(start, Math.Min(random.Next(1, 20), text.Length - start));
        return text.Insert(Position(text), piece);
    }

    private string Truncate(string text) => text[..Position(text)];

    private string DeleteLine(string text) => WithLines(text, lines => lines.RemoveAt(random.Next(lines.Count)));

    private string DuplicateLine(string text) => WithLines(text, lines => lines.Insert(random.Next(lines.Count), lines[random.Next(lines.Count)]));

    private string SwapLines(string text) => WithLines(text, lines =>
    {
        var a = random.Next(lines.Count);
        var b = random.Next(lines.Count);
        (lines[a], lines[b]) = (lines[b], lines[a]);
    });

    /// <summary>Moves a whole <c>[Section]</c> with its lines in front of another one.</summary>
    private string SwapSections(string text) => WithLines(text, lines =>
    {
        var starts = Enumerable.Range(0, lines.Count).Where(i => lines[i].TrimStart().StartsWith('[')).ToList();
        if (starts.Count < 2)
        {
            return;
        }

        var from = starts[random.Next(starts.Count)];
        var to = starts[random.Next(starts.Count)];
        var end = from + 1;
        while (end < lines.Count && !lines[end].TrimStart().StartsWith('[') && !lines[end].StartsWith("```", StringComparison.Ordinal))
        {
            end++;
        }

        var section = lines.GetRange(from, end - from);
        lines.RemoveRange(from, end - from);
        lines.InsertRange(Math.Min(to, lines.Count), section);
    });

    private static string WithLines(string text, Action<List<string>> change)
    {
        var lines = text.Split('\n').ToList();
        if (lines.Count > 0)
        {
            change(lines);
        }

        return new StringBuilder().AppendJoin('\n', lines).ToString();
    }
}
