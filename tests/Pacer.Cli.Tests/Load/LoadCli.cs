using Pacer.Cli.Tests.EndToEnd;
using Xunit;

namespace Pacer.Cli.Tests.Load;

/// <summary>Runs <c>pacer load</c> in-process in a scratch directory; the token lets a test press Ctrl-C.</summary>
internal static class LoadCli
{
    public static async Task<CliOutcome> RunAsync(string directory, CancellationToken cancellationToken, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var context = new PacerContext(stdout, stderr, directory, _ => null, OutputIsTerminal: false);
        var exit = await PacerApp.RunAsync(["load", .. args], context, cancellationToken);
        return new CliOutcome(exit, stdout.ToString(), stderr.ToString());
    }

    public static Task<CliOutcome> RunAsync(string directory, params string[] args) =>
        RunAsync(directory, TestContext.Current.CancellationToken, args);

    /// <summary>A one-step flow: <c>GET path</c> asserting <paramref name="assert"/>.</summary>
    public static string OneGet(string path, string assert = "status == 200") => $"""
        ```kest
        GET {path}

        [Asserts]
        {assert}
        ```
        """;
}
