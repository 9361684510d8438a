using System.CommandLine;
using Pacer.Cli.Demo;
using Pacer.Cli.Input;
using Pacer.Load.Results;
using Pacer.Reports.Html;

namespace Pacer.Cli.Commands;

/// <summary>
/// <c>pacer demo</c>: the whole product in one command. Starts Storefront as its own process on
/// a free loopback port with a fresh SQLite database, runs the bundled functional flows with
/// <c>pacer run</c>, then a load test of the shopper journey with <c>pacer load</c> (live panel,
/// SLA table), writes the HTML report and the result file, and stops Storefront. Exit 0 when
/// the flows pass and every SLA holds, 1 otherwise.
/// </summary>
public static class DemoCommand
{
    private static readonly TimeSpan LongestLoad = TimeSpan.FromSeconds(60);

    /// <summary>Where the bundled flows are copied beside the executable (see Pacer.Cli.csproj).</summary>
    public static string BundledFlowsDirectory => Path.Combine(AppContext.BaseDirectory, "examples", "storefront");

    public static string BundledLoadFlowsDirectory => Path.Combine(AppContext.BaseDirectory, "examples", "storefront-load");

    public static Command Create(PacerContext context)
    {
        var duration = new Option<string>("--duration", "-d") { Description = "How long the load test lasts (at most 60s)", DefaultValueFactory = _ => "30s" };
        var vus = new Option<string?>("--vus") { Description = "Virtual users in the load test (default: the flow's @load, 16)" };
        var outDir = new Option<string>("--out-dir") { Description = "Where the HTML report and the result file go", DefaultValueFactory = _ => "pacer-demo" };
        var noLoad = new Option<bool>("--no-load") { Description = "Run the functional flows only" };
        var reports = new Option<string[]>("--report")
        {
            Description = "Also write a report of the functional run: FORMAT=PATH (json, junit, markdown, html; repeatable)",
            AllowMultipleArgumentsPerToken = false,
        };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print every request and response of the functional run in full" };
        var noColor = new Option<bool>("--no-color") { Description = "Plain output even on a terminal" };
        var softBudgets = new Option<bool>("--soft-budgets") { Description = "Functional run: report missed `duration <` budgets as warnings (noisy machines)" };

        var command = new Command("demo", """
            Show Pacer end to end against Storefront, the commerce API that ships with it:
              1. start Storefront as its own process on 127.0.0.1 (a free port) with a fresh SQLite database in a temporary folder;
              2. run the bundled functional flows (examples/storefront) - accounts, catalog, checkout, admin;
              3. put the shopper journey (examples/storefront-load) under load with a live panel, then print the SLA table;
              4. write the HTML report and the result file (--out-dir), stop Storefront.
            Exit 0 when every flow passes and every SLA holds, 1 otherwise.
            """);
        foreach (Option option in new Option[] { duration, vus, outDir, noLoad, reports, verbose, noColor, softBudgets })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parsed, cancellationToken) =>
        {
            var error = context.Error;
            var loadDuration = DurationArgument.Parse(parsed.GetValue(duration) ?? "30s");
            if (loadDuration is not { } length || length <= TimeSpan.Zero || length > LongestLoad)
            {
                await error.WriteLineAsync($"error: --duration expects a duration up to 60s, got '{parsed.GetValue(duration)}'").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            foreach (var directory in new[] { BundledFlowsDirectory, BundledLoadFlowsDirectory })
            {
                if (!Directory.Exists(directory))
                {
                    await error.WriteLineAsync($"error: the bundled flows are missing: {directory}").ConfigureAwait(false);
                    return ExitCodes.InternalError;
                }
            }

            var output = Path.GetFullPath(parsed.GetValue(outDir) ?? "pacer-demo", context.CurrentDirectory);
            Directory.CreateDirectory(output);

            await using var storefront = await DemoStorefront.StartAsync(context.Out, cancellationToken).ConfigureAwait(false);
            // Run from beside the executable so files print as examples/storefront/…; paths the user gave stay theirs.
            var besideExecutable = context with { CurrentDirectory = AppContext.BaseDirectory };

            await Heading(context, $"1/2  Functional flows ({Path.GetRelativePath(AppContext.BaseDirectory, BundledFlowsDirectory)}) against {storefront.BaseUrl}").ConfigureAwait(false);
            var runArgs = new List<string>
            {
                "run", Path.GetRelativePath(AppContext.BaseDirectory, BundledFlowsDirectory),
                "--base-url", storefront.BaseUrl, "--var", $"admin_password={storefront.AdminPassword}",
            };
            foreach (var report in parsed.GetValue(reports) ?? [])
            {
                runArgs.AddRange(["--report", AbsoluteReport(report, context.CurrentDirectory)]);
            }

            AddFlag(runArgs, parsed.GetValue(verbose), "--verbose");
            AddFlag(runArgs, parsed.GetValue(noColor), "--no-color");
            AddFlag(runArgs, parsed.GetValue(softBudgets), "--soft-budgets");
            var functional = await PacerApp.RunAsync([.. runArgs], besideExecutable, cancellationToken).ConfigureAwait(false);
            if (functional is ExitCodes.BadInput or ExitCodes.InternalError || parsed.GetValue(noLoad) || cancellationToken.IsCancellationRequested)
            {
                return functional;
            }

            var resultsPath = Path.Combine(output, "results.json");
            await Heading(context, $"2/2  Load: the shopper journey for {parsed.GetValue(duration)} against Storefront (pid {storefront.ProcessId})").ConfigureAwait(false);
            var loadArgs = new List<string>
            {
                "load", Path.GetRelativePath(AppContext.BaseDirectory, BundledLoadFlowsDirectory),
                "--base-url", storefront.BaseUrl, "--duration", parsed.GetValue(duration)!, "--out", resultsPath,
            };
            if (parsed.GetValue(vus) is { } vuCount)
            {
                loadArgs.AddRange(["--vus", vuCount]);
            }

            AddFlag(loadArgs, parsed.GetValue(noColor), "--no-color");
            var load = await PacerApp.RunAsync([.. loadArgs], besideExecutable, cancellationToken).ConfigureAwait(false);
            if (!File.Exists(resultsPath))
            {
                return load == ExitCodes.Passed ? ExitCodes.InternalError : load;
            }

            var result = LoadResultJson.ReadFile(resultsPath);
            var reportPath = Path.Combine(output, "report.html");
            using (var stream = File.Create(reportPath))
            {
                new HtmlReportWriter().Write(result, stream);
            }

            await context.Out.WriteLineAsync().ConfigureAwait(false);
            await context.Out.WriteLineAsync($"HTML report:  {reportPath}").ConfigureAwait(false);
            await context.Out.WriteLineAsync($"Result file:  {resultsPath}  (pacer report, pacer compare, pacer merge read it)").ConfigureAwait(false);
            var held = result.Thresholds.Count(t => t.Passed);
            await context.Out.WriteLineAsync(
                $"Verdict:      functional flows {(functional == ExitCodes.Passed ? "passed" : "FAILED")}; SLAs {held} of {result.Thresholds.Count} held{(result.Aborted is { } why ? $" (stopped early: {why})" : "")}").ConfigureAwait(false);
            return load == ExitCodes.InternalError ? load
                : functional == ExitCodes.Passed && load == ExitCodes.Passed ? ExitCodes.Passed
                : ExitCodes.TestFailed;
        });
        return command;
    }

    private static async Task Heading(PacerContext context, string text)
    {
        await context.Out.WriteLineAsync().ConfigureAwait(false);
        await context.Out.WriteLineAsync(text).ConfigureAwait(false);
        await context.Out.WriteLineAsync(new string('-', Math.Min(text.Length, 100))).ConfigureAwait(false);
    }

    private static void AddFlag(List<string> arguments, bool on, string flag)
    {
        if (on)
        {
            arguments.Add(flag);
        }
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
