using Pacer.Load.Results;

namespace Pacer.Reports.Load;

/// <summary>
/// One <c>--report FORMAT=PATH</c> request for a load run (<c>pacer load</c>, <c>pacer merge</c>,
/// <c>pacer report</c>). <see cref="Writers"/> is the registry: a new format is one line there.
/// </summary>
public sealed record LoadReportTarget(ILoadReportWriter Writer, string Path)
{
    public static IReadOnlyList<ILoadReportWriter> Writers { get; } =
    [
        new LoadJsonReportWriter(),
        new LoadMarkdownReportWriter(),
        new LoadJUnitReportWriter(),
        new Html.HtmlReportWriter(),
    ];

    public static string FormatNames => string.Join(", ", Writers.Select(w => w.Format));

    /// <summary>Parses <c>junit=out/load.xml</c> (<c>md</c> is accepted for markdown); returns null and an error for anything else.</summary>
    public static LoadReportTarget? TryParse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals == text.Length - 1)
        {
            error = $"--report expects FORMAT=PATH (formats: {FormatNames}), got '{text}'";
            return null;
        }

        var format = text[..equals].Trim();
        if (string.Equals(format, "md", StringComparison.OrdinalIgnoreCase))
        {
            format = "markdown";
        }

        var writer = Writers.FirstOrDefault(w => string.Equals(w.Format, format, StringComparison.OrdinalIgnoreCase));
        if (writer is null)
        {
            error = $"unknown report format '{format}' for a load run (formats: {FormatNames})";
            return null;
        }

        return new LoadReportTarget(writer, text[(equals + 1)..].Trim());
    }

    /// <summary>Writes the report to <see cref="Path"/> (relative to the current directory unless rooted), creating parent folders.</summary>
    public void Write(LoadResult result, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var full = System.IO.Path.GetFullPath(Path, baseDirectory ?? Directory.GetCurrentDirectory());
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        using var stream = File.Create(full);
        Writer.Write(result, stream);
    }
}
