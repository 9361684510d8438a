using Xunit;

namespace Pacer.Cli.Tests.EndToEnd;

/// <summary>Runs the CLI in-process through <see cref="PacerApp"/>, with captured output and a chosen directory.</summary>
internal static class PacerCli
{
    public static Task<CliOutcome> RunAsync(string currentDirectory, params string[] args) =>
        RunAsync(currentDirectory, new Dictionary<string, string?>(), args);

    /// <summary>With <paramref name="environment"/> as the only environment variables the CLI sees.</summary>
    public static async Task<CliOutcome> RunAsync(string currentDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var context = new PacerContext(stdout, stderr, currentDirectory, name => environment.GetValueOrDefault(name), OutputIsTerminal: false);
        var exit = await PacerApp.RunAsync(args, context, TestContext.Current.CancellationToken);
        return new CliOutcome(exit, stdout.ToString(), stderr.ToString());
    }
}
