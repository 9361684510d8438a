namespace Pacer.Cli.Commands;

/// <summary><c>--report FORMAT=PATH</c> for the probe and contract commands: each format checked, each path made absolute.</summary>
internal static class ReportTargets
{
    /// <summary>The targets, or null with <paramref name="error"/> set when one is not FORMAT=PATH with a known format.</summary>
    public static IReadOnlyList<(string Format, string Path)>? Parse(IEnumerable<string> reports, IReadOnlyList<string> formats, string currentDirectory, out string? error)
    {
        error = null;
        var targets = new List<(string Format, string Path)>();
        foreach (var report in reports)
        {
            var equals = report.IndexOf('=', StringComparison.Ordinal);
            var format = equals < 0 ? report : report[..equals];
            if (equals < 0 || !formats.Contains(format) || equals == report.Length - 1)
            {
                error = $"--report expects FORMAT=PATH with FORMAT {string.Join(", ", formats)}, got '{report}'";
                return null;
            }

            targets.Add((format, Path.GetFullPath(report[(equals + 1)..], currentDirectory)));
        }

        return targets;
    }
}
