using Pacer.Core.Flow;

namespace Pacer.Testing;

/// <summary>
/// The entry point: <c>await Flow.Load("flows/auth.flow.md").RunAsync(target, vars)</c>. A flow that
/// does not parse throws <see cref="FlowParseException"/> with the same rendered diagnostics as <c>pacer run</c>.
/// </summary>
public static class Flow
{
    /// <summary>
    /// Reads and parses a flow file. A relative path is looked up from the current directory, then
    /// from the test assembly's output directory (where flows copied to the output land).
    /// </summary>
    public static FlowFile Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = Resolve(path);
        return Parse(File.ReadAllText(fullPath), path.Replace('\\', '/'));
    }

    /// <summary>Parses flow text held in memory; <paramref name="displayPath"/> is what diagnostics and reports call it.</summary>
    public static FlowFile Parse(string text, string displayPath = "inline.flow.md")
    {
        ArgumentNullException.ThrowIfNull(text);
        var parsed = FlowParser.Parse(displayPath, text);
        if (parsed.HasErrors || parsed.Document is null)
        {
            throw new FlowParseException(displayPath, text, parsed.Diagnostics);
        }

        return new FlowFile(parsed.Document, text, parsed.Diagnostics);
    }

    internal static string Resolve(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return File.Exists(path) ? path : throw new FileNotFoundException($"Flow file not found: {path}", path);
        }

        foreach (var root in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            var candidate = Path.GetFullPath(path, root);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(
            $"Flow file not found: {path} (looked in {Directory.GetCurrentDirectory()} and {AppContext.BaseDirectory}; copy flows to the test output with CopyToOutputDirectory)",
            path);
    }
}
