using Xunit;

namespace Pacer.Cli.Tests.EndToEnd;

/// <summary>Runs the CLI in-process through <see cref="PacerApp"/>, with captured output and a chosen directory.</summary>
internal static class PacerCli
{
    public static async Task<CliOutcome> RunAsync(string currentDirectory, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var context = new PacerContext(stdout, stderr, currentDirectory, _ => null, OutputIsTerminal: false);
        var exit = await PacerApp.RunAsync(args, context, TestContext.Current.CancellationToken);
        return new CliOutcome(exit, stdout.ToString(), stderr.ToString());
    }
}
