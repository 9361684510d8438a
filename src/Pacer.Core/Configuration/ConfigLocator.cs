namespace Pacer.Core.Configuration;

/// <summary>
/// Finds the config a run uses: <c>.pacer/config.yaml</c> (then kest's <c>.kest/config.yaml</c>)
/// in the start directory or the nearest parent, then the same from the current directory.
/// </summary>
public static class ConfigLocator
{
    private static readonly string[] Candidates =
    [
        Path.Combine(".pacer", "config.yaml"),
        Path.Combine(".pacer", "config.yml"),
        Path.Combine(".kest", "config.yaml"),
        Path.Combine(".kest", "config.yml"),
    ];

    public static string? Find(string startDirectory, string currentDirectory)
    {
        return FindUpward(startDirectory) ?? FindUpward(currentDirectory);
    }

    private static string? FindUpward(string directory)
    {
        for (var current = new DirectoryInfo(Path.GetFullPath(directory)); current is not null; current = current.Parent)
        {
            foreach (var candidate in Candidates)
            {
                var path = Path.Combine(current.FullName, candidate);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        return null;
    }
}
