using Pacer.TestSupport;

namespace Pacer.Cli.Tests.Processes;

/// <summary>The <c>pacer</c> built beside these tests, started as its own process, as a user runs it.</summary>
internal static class PacerProcess
{
    public static CliProcess Start(string workingDirectory, params string[] args) =>
        CliProcess.Start(Path.Combine(AppContext.BaseDirectory, "pacer.dll"), workingDirectory, args);
}
