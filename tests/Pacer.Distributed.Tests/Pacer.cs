using Pacer.TestSupport;

namespace Pacer.Distributed.Tests;

/// <summary>The <c>pacer</c> the build made, as its own process (<see cref="CliProcess"/>).</summary>
internal static class Pacer
{
    /// <summary>
    /// pacer.dll in Pacer.Cli's own output folder: its deps.json names package assemblies (EF Core's
    /// Microsoft.Extensions.* 10.0.14) that this test project's copy step leaves out, because the
    /// shared framework this project references already has older ones.
    /// </summary>
    public static string Assembly { get; } = Find();

    public static CliProcess Start(string workingDirectory, params string[] args) => CliProcess.Start(Assembly, workingDirectory, args);

    public static CliProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        CliProcess.Start(Assembly, workingDirectory, environment, args);

    private static string Find()
    {
        // bin/<Configuration>/<framework>/ below tests/Pacer.Distributed.Tests.
        var framework = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = framework.Parent!;
        var root = configuration.Parent!.Parent!.Parent!.Parent!.FullName;
        var built = Path.Combine(root, "src", "Pacer.Cli", "bin", configuration.Name, framework.Name, "pacer.dll");
        return File.Exists(built) ? built : Path.Combine(AppContext.BaseDirectory, "pacer.dll");
    }
}
