using System.CommandLine;
using Pacer.Cli.Demo;

namespace Pacer.Cli.Commands;

/// <summary>
/// <c>pacer demo</c>: start the embedded Storefront on a random loopback port with a fresh
/// database, run the bundled Storefront flows against it with <c>pacer run</c>, stop it.
/// The exit code is the run's.
/// </summary>
public static class DemoCommand
{
    /// <summary>Where the bundled flows are copied beside the executable (see Pacer.Cli.csproj).</summary>
    public static string BundledFlowsDirectory => Path.Combine(AppContext.BaseDirectory, "examples", "storefront");

    public static Command Create(PacerContext context)
    {
        var reports = new Option<string[]>("--report")
        {
            Description = "Write a report: FORMAT=PATH with FORMAT json, junit or markdown (repeatable)",
            AllowMultipleArgumentsPerToken = false,
        };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print every request and response in full" };
        var noColor = new Option<bool>("--no-color") { Description = "Plain output even on a terminal" };
        var softBudgets = new Option<bool>("--soft-budgets") { Description = "Report missed `duration <` budgets as warnings (noisy machines)" };

        var command = new Command("demo", "Start the embedded Storefront API and run the bundled example flows against it");
        command.Options.Add(reports);
        command.Options.Add(verbose);
        command.Options.Add(noColor);
        command.Options.Add(softBudgets);
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var flows = BundledFlowsDirectory;
            if (!Directory.Exists(flows))
            {
                await context.Error.WriteLineAsync($"error: the bundled flows are missing: {flows}").ConfigureAwait(false);
                return ExitCodes.InternalError;
            }

            await using var storefront = await EmbeddedStorefront.StartAsync(context.Out, cancellationToken).ConfigureAwait(false);
            await context.Out.WriteLineAsync($"Running the bundled flows ({flows}) against {storefront.BaseUrl}").ConfigureAwait(false);
            await context.Out.WriteLineAsync().ConfigureAwait(false);

            // Run from beside the executable so files print as examples/storefront/…; report paths
            // stay relative to where the user is.
            var runArgs = new List<string>
            {
                "run", Path.GetRelativePath(AppContext.BaseDirectory, flows),
                "--base-url", storefront.BaseUrl, "--var", $"admin_password={storefront.AdminPassword}",
            };
            foreach (var report in parsed.GetValue(reports) ?? [])
            {
                runArgs.AddRange(["--report", AbsoluteReport(report, context.CurrentDirectory)]);
            }

            if (parsed.GetValue(verbose))
            {
                runArgs.Add("--verbose");
            }

            if (parsed.GetValue(noColor))
            {
                runArgs.Add("--no-color");
            }

            if (parsed.GetValue(softBudgets))
            {
                runArgs.Add("--soft-budgets");
            }

            var runContext = context with { CurrentDirectory = AppContext.BaseDirectory };
            return await PacerApp.RunAsync([.. runArgs], runContext, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary><c>json=out/run.json</c> → <c>json=/where/the/user/is/out/run.json</c>; malformed text is left for <c>run</c> to reject.</summary>
    private static string AbsoluteReport(string report, string currentDirectory)
    {
        var equals = report.IndexOf('=', StringComparison.Ordinal);
        return equals <= 0 || equals == report.Length - 1
            ? report
            : string.Concat(report.AsSpan(0, equals + 1), Path.GetFullPath(report[(equals + 1)..], currentDirectory));
    }
}
