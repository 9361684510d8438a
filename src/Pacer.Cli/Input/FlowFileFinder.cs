namespace Pacer.Cli.Input;

/// <summary>
/// Expands the paths given on the command line: a file is taken as is, a directory gives every
/// <c>*.flow.md</c> below it. The result is sorted by path (ordinal) so runs are repeatable.
/// </summary>
public static class FlowFileFinder
{
    public const string Extension = ".flow.md";

    public static IReadOnlyList<string> Find(IEnumerable<string> paths, string currentDirectory, out string? error)
    {
        error = null;
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path, currentDirectory);
            if (File.Exists(full))
            {
                files.Add(full);
            }
            else if (Directory.Exists(full))
            {
                var found = Directory.EnumerateFiles(full, "*" + Extension, SearchOption.AllDirectories).ToList();
                if (found.Count == 0)
                {
                    error = $"no *{Extension} files under {path}";
                    return [];
                }

                files.UnionWith(found);
            }
            else
            {
                error = $"no such file or directory: {path}";
                return [];
            }
        }

        return [.. files];
    }

    /// <summary>How a file is shown: relative to the current directory when it is below it.</summary>
    public static string DisplayPath(string fullPath, string currentDirectory)
    {
        var relative = Path.GetRelativePath(currentDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
    }
}
