using Pacer.Core.Configuration;
using Pacer.Core.Flow;

namespace Pacer.Cli.Input;

/// <summary>
/// Finds and reads the run's config: searched from the first flow file's directory upward, then
/// from the current directory. No config is fine (no environments); a config that does not parse
/// is printed as a diagnostic and yields null (exit 2).
/// </summary>
public static class ConfigFile
{
    public static PacerConfig? Load(IReadOnlyList<string> files, PacerContext context, TextWriter diagnostics)
    {
        var start = files.Count > 0 ? Path.GetDirectoryName(files[0])! : context.CurrentDirectory;
        var path = ConfigLocator.Find(start, context.CurrentDirectory);
        if (path is null)
        {
            return PacerConfig.Empty;
        }

        var text = File.ReadAllText(path);
        var loaded = ConfigLoader.Parse(FlowFileFinder.DisplayPath(path, context.CurrentDirectory), text);
        if (loaded.Error is { } error)
        {
            diagnostics.WriteLine(DiagnosticRenderer.Render(error, text));
            return null;
        }

        return loaded.Config;
    }
}
