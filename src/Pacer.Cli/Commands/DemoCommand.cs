using System.CommandLine;
using System.Text.Json.Nodes;
using Pacer.Application;
using Pacer.Cli.Demo;
using Pacer.Cli.Input;
using Pacer.Cli.Load;
using Pacer.Cli.Outputs;
using Pacer.Core.Flow;
using Pacer.Core.Plan;
using Pacer.Reports.Console;
using Pacer.Reports.Load;

namespace Pacer.Cli.Commands;

/// <summary>
/// <c>pacer demo</c>: the whole product in one command. Starts Storefront as its own process on
/// a free loopback port with a fresh SQLite database, runs the bundled functional flows, then a load
/// test of the shopper journey (live panel, SLA table), writes the HTML report and the result file,
/// and stops Storefront. It calls the same application layer as <c>pacer run</c> and <c>pacer load</c>.
/// Exit 0 when the flows pass and the load's verdict passed, 1 otherwise, 3 when interrupted.
/// </summary>
public static class DemoCommand
{
    private static readonly TimeSpan LongestLoad = TimeSpan.FromSeconds(60);

    /// <summary>Where the bundled flows are copied beside the executable (see Pacer.Cli.csproj).</summary>
    public static string BundledFlowsDirectory => Path.Combine(AppContext.BaseDirectory, "examples", "storefront");

    public static string BundledLoadFlowsDirectory => Path.Combine(AppContext.BaseDirectory, "examples", "storefront-load");

    /// <summary>The journey the demo puts under load (its folder also holds catalog.flow.md, for the open model).</summary>
    public static string BundledShopperFlow => Path.Combine(BundledLoadFlowsDirectory, "shopper.flow.md");

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
        var noColor = SharedOptions.NoColor();
        var softBudgets = new Option<bool>("--soft-budgets") { Description = "Report missed `duration <` budgets as warnings in the functional run and the load (noisy machines); the load's thresholds still judge latency" };
        var serve = new Option<bool>("--serve")
        {
            Description = $"Only start Storefront and keep it running until Ctrl-C, as a target to try flows on (http://127.0.0.1:{DemoStorefrontSettings.ServePort}); prints its URL, users and passwords, and saves its OpenAPI document in --out-dir",
        };
        var port = new Option<int>("--port")
        {
            Description = $"With --serve: the port on 127.0.0.1 (default {DemoStorefrontSettings.ServePort}; 0 for any free port)",
            DefaultValueFactory = _ => DemoStorefrontSettings.ServePort,
        };

        var command = new Command("demo", """
            Show Pacer end to end against Storefront, the commerce API that ships with it:
              1. start Storefront as its own process on 127.0.0.1 (a free port) with a fresh SQLite database in a temporary folder;
              2. run the bundled functional flows (examples/storefront) - accounts, catalog, checkout, admin;
              3. put the shopper journey (examples/storefront-load) under load with a live panel, then print the SLA table;
              4. write the HTML report and the result file (--out-dir), stop Storefront.
            Exit 0 when every flow passes and every SLA holds, 1 otherwise.
            With --serve, only step 1: Storefront keeps running on 127.0.0.1:5080 for your own flows until Ctrl-C.
            """);
        foreach (Option option in new Option[] { duration, vus, outDir, noLoad, reports, verbose, noColor, softBudgets, serve, port })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parsed, cancellationToken) =>
        {
            var error = context.Error;
            if (parsed.GetValue(serve))
            {
                var chosen = parsed.GetValue(port);
                if (chosen is < 0 or > 65535)
                {
                    await error.WriteLineAsync($"error: --port expects 0 to 65535, got {chosen}").ConfigureAwait(false);
                    return ExitCodes.BadInput;
                }

                var serveOutput = Path.GetFullPath(parsed.GetValue(outDir) ?? "pacer-demo", context.CurrentDirectory);
                return await DemoServe.RunAsync(context, chosen, serveOutput, cancellationToken).ConfigureAwait(false);
            }

            var durationText = parsed.GetValue(duration) ?? "30s";
            if (!DurationSyntax.TryParse(durationText, out var length, out _) || length <= TimeSpan.Zero || length > LongestLoad)
            {
                await error.WriteLineAsync($"error: --duration expects a duration up to 60s, got '{durationText}'").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            if (!RunOutputs.TryParseReports(parsed.GetValue(reports) ?? [], context, out var runReports))
            {
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
            var color = !parsed.GetValue(noColor);

            await Heading(context, $"1/2  Functional flows ({Path.GetRelativePath(AppContext.BaseDirectory, BundledFlowsDirectory)}) against {storefront.BaseUrl}").ConfigureAwait(false);
            var variables = new Dictionary<string, JsonNode?> { ["admin_password"] = JsonValue.Create(storefront.AdminPassword) };
            if (Compile(BundledFlowsDirectory, storefront.BaseUrl, variables, context) is not { } functionalFlows)
            {
                return ExitCodes.InternalError;
            }

            var style = new ConsoleStyle(color && ConsoleStyle.ShouldColor(context.OutputIsTerminal, context.Environment));
            var reporter = new ConsoleRunReporter(context.Out, style, parsed.GetValue(verbose), live: true);
            var functional = await FunctionalRun.RunAsync(
                new FunctionalRunSettings { Flows = functionalFlows, SoftBudgets = parsed.GetValue(softBudgets) }, reporter, context.Control).ConfigureAwait(false);
            reporter.PrintSummary(functional);
            RunOutputs.Write(functional, runReports, context, environment: null, history: false);
            if (functional.Interrupted || parsed.GetValue(noLoad))
            {
                return RunOutputs.ExitCode(functional);
            }

            await Heading(context, $"2/2  Load: the shopper journey for {durationText} against Storefront (pid {storefront.ProcessId})").ConfigureAwait(false);
            var commandLine = new LoadSettings();
            commandLine.SetFromCommandLine("duration", durationText);
            if (parsed.GetValue(vus) is { } vuCount)
            {
                try
                {
                    commandLine.SetFromCommandLine("vus", vuCount);
                }
                catch (DirectiveSyntaxException exception)
                {
                    await error.WriteLineAsync($"error: --vus: {exception.Reason}").ConfigureAwait(false);
                    return ExitCodes.BadInput;
                }
            }

            if (Compile(BundledShopperFlow, storefront.BaseUrl, new Dictionary<string, JsonNode?>(), context) is not { } loadFlows)
            {
                return ExitCodes.InternalError;
            }

            var (settings, problems) = LoadPlanner.Plan(new LoadRequest { Flows = loadFlows, CommandLine = commandLine, SoftBudgets = parsed.GetValue(softBudgets) });
            if (!Problems.Print(problems, error) || settings is null)
            {
                return ExitCodes.BadInput;
            }

            if (await LoadSession.RunAsync(settings, context, color, metricsPort: null).ConfigureAwait(false) is not { } load)
            {
                return ExitCodes.InternalError;
            }

            var resultsPath = Path.Combine(output, "results.json");
            var reportPath = Path.Combine(output, "report.html");
            var outputs = new LoadOutputs
            {
                ResultPath = resultsPath,
                Reports = [LoadReportTarget.TryParse($"html={reportPath}", out _)!],
                History = false,
            };
            outputs.Write(load.Result, context);

            await context.Out.WriteLineAsync().ConfigureAwait(false);
            await context.Out.WriteLineAsync($"HTML report:  {reportPath}").ConfigureAwait(false);
            await context.Out.WriteLineAsync($"Result file:  {resultsPath}  (pacer report, pacer compare, pacer merge read it)").ConfigureAwait(false);
            var result = load.Result;
            var held = result.Thresholds.Count(t => t.Passed);
            await context.Out.WriteLineAsync(
                $"Verdict:      functional flows {(functional.Passed ? "passed" : "FAILED")}; load {(result.Passed ? "passed" : "FAILED")} ({held} of {result.Thresholds.Count} thresholds held{(result.Aborted is { } why ? $"; stopped early: {why}" : "")})").ConfigureAwait(false);
            return load.Interrupted ? ExitCodes.InternalError
                : functional.Passed && result.Passed ? ExitCodes.Passed
                : ExitCodes.TestFailed;
        });
        return command;
    }

    /// <summary>The bundled flows of <paramref name="path"/> (a folder or a file), shown as examples/…; problems are printed.</summary>
    private static CompiledFlows? Compile(string path, string baseUrl, Dictionary<string, JsonNode?> variables, PacerContext context)
    {
        var files = FlowFileFinder.Find([path], AppContext.BaseDirectory, out var findError);
        if (findError is not null)
        {
            context.Error.WriteLine($"error: {findError}");
            return null;
        }

        var compiled = FlowCompiler.Compile(new FlowSources
        {
            Files = files,
            CurrentDirectory = AppContext.BaseDirectory,
            BaseUrl = baseUrl,
            Variables = variables,
        });
        return Problems.Print(compiled, context.Error) ? compiled : null;
    }

    private static async Task Heading(PacerContext context, string text)
    {
        await context.Out.WriteLineAsync().ConfigureAwait(false);
        await context.Out.WriteLineAsync(text).ConfigureAwait(false);
        await context.Out.WriteLineAsync(new string('-', Math.Min(text.Length, 100))).ConfigureAwait(false);
    }
}
