using System.CommandLine;
using System.Text.Json.Nodes;
using Pacer.Cli.Input;
using Pacer.Contracts.Contract;
using Pacer.Contracts.Contract.Conformance;
using Pacer.Contracts.Contract.Reports;
using Pacer.Contracts.OpenApi;
using Pacer.Contracts.Validation;
using Pacer.Core.Execution;
using Pacer.Core.Flow.Syntax;
using Pacer.Core.Templating;

namespace Pacer.Cli.Commands;

/// <summary>
/// <c>pacer contract --openapi SPEC --base-url URL [--flows PATH] [--login FLOW]</c>: checks every response against the
/// OpenAPI document — those the flows see, or without flows a conformance sweep: generated positive and negative cases
/// per operation and undocumented methods per path, judged by the named checks (<see cref="ConformanceCheckCatalog"/>),
/// reproducible with <c>--seed</c>. Violations are printed grouped by operation. Exit 0 clean, 1 any violation, failed
/// step or failed login, 2 bad input.
/// </summary>
public static class ContractCommand
{
    private static readonly Option<string> OpenApi = new("--openapi") { Description = "The OpenAPI 3.0/3.1 document, JSON or YAML", Required = true };

    private static readonly Option<string> BaseUrl = new("--base-url") { Description = "Where the API runs (the server root, or the root the flows use)", Required = true };

    private static readonly Option<string[]> Flows = new("--flows") { Description = "Flow files or folders whose responses to check (repeatable); without, every operation is called once" };

    private static readonly Option<string?> Login = new("--login") { Description = "A flow run first that captures `token`, sent as a Bearer token to secured operations" };

    private static readonly Option<string[]> Vars = new("--var") { Description = "Set a variable for the flows: name=value (repeatable)", AllowMultipleArgumentsPerToken = false };

    private static readonly Option<bool> Verbose = new("--verbose", "-v") { Description = "Print every request the sweep sends (to stderr)" };

    private static readonly Option<int?> Seed = new("--seed") { Description = "Seed for the sweep's generated cases: the same seed sends the same cases (default: random, printed)" };

    private static readonly Option<int> MaxExamples = new("--max-examples") { Description = "The most generated requests per operation in the sweep", DefaultValueFactory = _ => 50 };

    private static readonly Option<string[]> Checks = new("--check") { Description = "Judge with these checks only (repeatable): " + string.Join(", ", ConformanceCheckCatalog.Create().Select(c => c.Name)) };

    private static readonly Option<string[]> SkipChecks = new("--skip-check") { Description = "Do not judge with these checks (repeatable)" };

    private static readonly Option<string[]> Reports = new("--report") { Description = "Write a report: FORMAT=PATH with FORMAT junit or json (repeatable)" };

    public static Command Create(PacerContext context)
    {
        var command = new Command("contract", "Check an API's responses against its OpenAPI document");
        foreach (Option option in new Option[] { OpenApi, BaseUrl, Flows, Login, Vars, Verbose, Seed, MaxExamples, Checks, SkipChecks, Reports })
        {
            command.Options.Add(option);
        }

        command.SetAction((parsed, cancellationToken) => ExecuteAsync(context, parsed, cancellationToken));
        return command;
    }

    private static async Task<int> ExecuteAsync(PacerContext context, ParseResult parsed, CancellationToken cancellationToken)
    {
        var error = context.Error;
        if (!Uri.TryCreate(parsed.GetValue(BaseUrl), UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
        {
            return BadInput(error, $"--base-url expects an http(s) URL, got '{parsed.GetValue(BaseUrl)}'");
        }

        var overrides = VariableArguments.Parse(parsed.GetValue(Vars) ?? [], out var varError);
        if (overrides is null)
        {
            return BadInput(error, varError!);
        }

        var targets = ReportTargets.Parse(parsed.GetValue(Reports) ?? [], ["junit", "json"], context.CurrentDirectory, out var reportError);
        if (targets is null)
        {
            return BadInput(error, reportError!);
        }

        if (parsed.GetValue(MaxExamples) < 1)
        {
            return BadInput(error, "--max-examples must be at least 1");
        }

        IReadOnlyList<IConformanceCheck> checks;
        try
        {
            checks = ConformanceCheckCatalog.Select(parsed.GetValue(Checks) ?? [], parsed.GetValue(SkipChecks) ?? []);
        }
        catch (ArgumentException exception)
        {
            return BadInput(error, exception.Message);
        }

        OpenApiSpec spec;
        try
        {
            spec = await OpenApiSpec.LoadFileAsync(Path.GetFullPath(parsed.GetValue(OpenApi)!, context.CurrentDirectory), cancellationToken).ConfigureAwait(false);
        }
        catch (OpenApiLoadException exception)
        {
            return BadInput(error, exception.Message);
        }

        var flowPaths = parsed.GetValue(Flows) ?? [];
        var loginPath = parsed.GetValue(Login);
        var flows = Load(flowPaths, context, overrides, baseUrl, out var flowError);
        var login = loginPath is null ? [] : Load([loginPath], context, overrides, baseUrl, out flowError);
        if (flowError is not null)
        {
            return flowError == "" ? ExitCodes.BadInput : BadInput(error, flowError);
        }

        var validator = new ResponseValidator(spec);
        var check = new OpenApiResponseCheck(validator);
        var notes = new List<string>();
        // Timing is not what a contract is about: a missed `duration <` budget is a warning here.
        var options = new FlowRunOptions { BaseUrl = baseUrl.ToString().TrimEnd('/'), Overrides = overrides, ResponseCheck = check, SoftBudgets = true };

        string? token = null;
        var loginFailed = false;
        if (login.Count > 0)
        {
            var loginRun = await new FlowBatchRunner(_ => options, BuiltInVariables.CreateDefault(), 1).RunAsync(login, null, cancellationToken).ConfigureAwait(false);
            NoteFailures(loginRun, notes);
            token = loginRun.Flows.SelectMany(f => f.Steps).SelectMany(s => s.Captures).LastOrDefault(c => c.Found && c.Capture.Name == "token")?.Value switch
            {
                JsonValue value when value.TryGetValue<string>(out var text) => text,
                { } other => other.ToJsonString(),
                null => null,
            };
            if (token is null)
            {
                loginFailed = true;
                notes.Add($"the login flow {loginPath} failed: it captured no `token`, so secured operations were not checked");
            }
        }

        ContractOutcome outcome;
        var failedSteps = false;
        if (flows.Count > 0)
        {
            var environment = token is null ? new Dictionary<string, JsonNode?>() : new Dictionary<string, JsonNode?> { ["token"] = token };
            var run = await new FlowBatchRunner(_ => options with { EnvironmentVariables = environment }, BuiltInVariables.CreateDefault(), 1)
                .RunAsync(flows, null, cancellationToken).ConfigureAwait(false);
            failedSteps = NoteFailures(run, notes);
            outcome = check.Outcome(notes);
        }
        else
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var sweepOptions = new ConformanceOptions
            {
                Seed = parsed.GetValue(Seed) ?? Random.Shared.Next(),
                MaxCasesPerOperation = parsed.GetValue(MaxExamples),
                Checks = checks,
                Token = token,
                Progress = context.Error,
                LogRequests = parsed.GetValue(Verbose),
            };
            var sweep = await new ConformanceSweep(spec, validator, client).RunAsync(baseUrl, sweepOptions, cancellationToken).ConfigureAwait(false);
            var loginSeen = check.Outcome([]);
            outcome = new ContractOutcome(
                [.. loginSeen.Violations, .. sweep.Violations],
                loginSeen.ResponsesByOperation.Concat(sweep.ResponsesByOperation).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value)),
                [.. notes, .. sweep.Notes])
            { Seed = sweep.Seed, Checks = sweep.Checks };
        }

        var documentName = Path.GetFileName(spec.Source);
        ContractReportPrinter.Print(context.Out, outcome, documentName, loginFailed ? "the login flow failed" : null);

        foreach (var (format, path) in targets)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, format == "junit" ? ContractJunitReport.Write(outcome, documentName) : ContractJsonReport.Write(outcome, documentName), cancellationToken).ConfigureAwait(false);
        }

        return outcome.Passed && !failedSteps && !loginFailed ? ExitCodes.Passed : ExitCodes.TestFailed;
    }

    /// <summary>Loads flow files; on a problem sets <paramref name="problem"/> ("" when diagnostics were already printed).</summary>
    private static IReadOnlyList<FlowDocument> Load(string[] paths, PacerContext context, IReadOnlyDictionary<string, JsonNode?> overrides, Uri baseUrl, out string? problem)
    {
        problem = null;
        if (paths.Length == 0)
        {
            return [];
        }

        var files = FlowFileFinder.Find(paths, context.CurrentDirectory, out var findError);
        if (findError is not null)
        {
            problem = findError;
            return [];
        }

        var compiled = Application.FlowCompiler.Compile(new Application.FlowSources
        {
            Files = files,
            CurrentDirectory = context.CurrentDirectory,
            SuppliedNames = [.. overrides.Keys, "token"],
            BaseUrl = baseUrl.ToString().TrimEnd('/'),
        });
        if (!Problems.Print(compiled, context.Error))
        {
            problem = "";
            return [];
        }

        return [.. compiled.Flows.Select(f => f.Document)];
    }

    /// <summary>Steps that failed or were skipped for reasons other than the contract; true when there were any.</summary>
    private static bool NoteFailures(RunResult run, List<string> notes)
    {
        var any = false;
        foreach (var flow in run.Flows)
        {
            foreach (var step in flow.Steps.Where(s => !s.Passed))
            {
                any = true;
                var reason = step.Reason ?? "failed";
                var assertions = step.FailedAssertions.Select(a => $"{a.Assertion.Text}: expected {a.Expected}, got {a.Actual}").ToList();
                if (!reason.StartsWith("contract: ", StringComparison.Ordinal))
                {
                    var detail = assertions.Count == 0 ? "" : " (" + string.Join("; ", assertions) + ")";
                    notes.Add($"{flow.Path} step {step.Number} {(step.Status == StepStatus.Skipped ? "skipped" : "failed")}: {reason}{detail}");
                }
            }
        }

        return any;
    }

    private static int BadInput(TextWriter error, string message)
    {
        error.WriteLine($"error: {message}");
        return ExitCodes.BadInput;
    }
}
