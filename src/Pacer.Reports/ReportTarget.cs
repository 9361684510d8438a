namespace Pacer.Reports;

/// <summary>One <c>--report FORMAT=PATH</c> request.</summary>
public sealed record ReportTarget(IReportWriter Writer, string Path)
{
    public static IReadOnlyList<IReportWriter> Writers { get; } =
        [new JsonReportWriter(), new JUnitReportWriter(), new MarkdownReportWriter(), new Html.HtmlReportWriter()];

    /// <summary>Parses <c>junit=out/junit.xml</c>; returns null and an error for anything else.</summary>
    public static ReportTarget? TryParse(string text, out string? error)
    {
        error = null;
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals == text.Length - 1)
        {
            error = $"--report expects FORMAT=PATH (formats: {FormatNames}), got '{text}'";
            return null;
        }

        var format = text[..equals].Trim();
        var writer = Writers.FirstOrDefault(w => string.Equals(w.Format, format, StringComparison.OrdinalIgnoreCase))
            ?? (string.Equals(format, "md", StringComparison.OrdinalIgnoreCase) ? Writers.OfType<MarkdownReportWriter>().First() : null);
        if (writer is null)
        {
            error = $"unknown report format '{format}' (formats: {FormatNames})";
            return null;
        }

        return new ReportTarget(writer, text[(equals + 1)..].Trim());
    }

    public static string FormatNames => string.Join(", ", Writers.Select(w => w.Format));

    /// <summary>Writes the report, creating parent directories.</summary>
    public void Write(Pacer.Core.Execution.RunResult run)
    {
        var full = System.IO.Path.GetFullPath(Path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        using var stream = File.Create(full);
        Writer.Write(run, stream);
    }
}
