using System.CommandLine;
using Pacer.Contracts.OpenApi;
using Pacer.Contracts.Probing;
using Pacer.Contracts.Probing.Reports;

namespace Pacer.Cli.Commands;

/// <summary>
/// <c>pacer probe --openapi SPEC --base-url URL [--login FLOW]…</c>: sends the OWASP API Top 10 checks' requests to
/// every selected operation and reports what the API gets wrong, each finding confirmed and reproducible (curl and a
/// ```kest step). Exit 0 clean, 1 findings, 2 bad input.
/// </summary>
public static class ProbeCommand
{
    public static Command Create(PacerContext context)
    {
        var openApi = new Option<string?>("--openapi") { Description = "The OpenAPI 3.0/3.1 document (JSON or YAML)" };
        var baseUrl = new Option<string?>("--base-url") { Description = "The API's base URL (http or https)" };
        var allowRemote = new Option<bool>("--allow-remote") { Description = "Confirm that attack traffic may go to a host that is not this machine" };
        var logins = new Option<string[]>("--login") { Description = "A flow that logs a regular user in and captures `token` (repeatable; the second user attacks the first)" };
        var adminLogin = new Option<string?>("--admin-login") { Description = "A flow that logs an administrator in, to compare admin-only operations against" };
        var include = new Option<string[]>("--include") { Description = "Probe only these operations: operationId, \"METHOD /path\", /path or tag:NAME, * as wildcard (repeatable); also enables reset/seed routes" };
        var exclude = new Option<string[]>("--exclude") { Description = "Never call these operations (same forms as --include; repeatable)" };
        var checks = new Option<string[]>("--check") { Description = "Run only these checks (repeatable; --list-checks names them)" };
        var skipChecks = new Option<string[]>("--skip-check") { Description = "Do not run these checks (repeatable)" };
        var listChecks = new Option<bool>("--list-checks") { Description = "List every check with its OWASP category and exit" };
        var maxRequests = new Option<int>("--max-requests") { Description = "The most requests the probe sends in total", DefaultValueFactory = _ => 2000 };
        var maxBurst = new Option<int>("--max-burst") { Description = "The most requests one rate-limit or brute-force burst sends", DefaultValueFactory = _ => 100 };
        var signingKey = new Option<string?>("--signing-key") { Description = "The server's HMAC key, when known: expired tokens are then correctly signed" };
        var reports = new Option<string[]>("--report") { Description = "Write a report: FORMAT=PATH with FORMAT json, junit or markdown (repeatable)" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print every request the probe sends (to stderr), not only each check as it starts" };
        var command = new Command("probe", "Probe an API from its OpenAPI document for the OWASP API Security Top 10: authorisation, authentication, exposure, injection, resource use, misconfiguration")
        {
            openApi, baseUrl, allowRemote, logins, adminLogin, include, exclude, checks, skipChecks, listChecks, maxRequests, maxBurst, signingKey, reports, verbose,
        };
        command.SetAction((parsed, cancellationToken) =>
        {
            if (parsed.GetValue(listChecks))
            {
                ProbeConsoleReport.WriteChecks(context.Out);
                return Task.FromResult(ExitCodes.Passed);
            }

            return ExecuteAsync(
                context,
                new ProbeArguments(
                    parsed.GetValue(openApi),
                    parsed.GetValue(baseUrl),
                    parsed.GetValue(allowRemote),
                    parsed.GetValue(logins) ?? [],
                    parsed.GetValue(adminLogin),
                    parsed.GetValue(include) ?? [],
                    parsed.GetValue(exclude) ?? [],
                    parsed.GetValue(checks) ?? [],
                    parsed.GetValue(skipChecks) ?? [],
                    parsed.GetValue(maxRequests),
                    parsed.GetValue(maxBurst),
                    parsed.GetValue(signingKey),
                    parsed.GetValue(reports) ?? [],
                    parsed.GetValue(verbose)),
                cancellationToken);
        });
        return command;
    }

    private sealed record ProbeArguments(
        string? OpenApi, string? BaseUrl, bool AllowRemote, string[] Logins, string? AdminLogin, string[] Include, string[] Exclude,
        string[] Checks, string[] SkipChecks, int MaxRequests, int MaxBurst, string? SigningKey, string[] Reports, bool Verbose);

    private static async Task<int> ExecuteAsync(PacerContext context, ProbeArguments arguments, CancellationToken cancellationToken)
    {
        var error = context.Error;
        if (arguments.OpenApi is null || arguments.BaseUrl is null)
        {
            return BadInput(error, "--openapi and --base-url are required (or --list-checks)");
        }

        if (!Uri.TryCreate(arguments.BaseUrl, UriKind.Absolute, out var baseUrl))
        {
            return BadInput(error, $"--base-url '{arguments.BaseUrl}' is not an absolute URL");
        }

        if (arguments.MaxRequests < 1 || arguments.MaxBurst < 1)
        {
            return BadInput(error, "--max-requests and --max-burst must be at least 1");
        }

        var targets = ReportTargets.Parse(arguments.Reports, ["json", "junit", "markdown"], context.CurrentDirectory, out var reportError);
        if (targets is null)
        {
            return BadInput(error, reportError!);
        }

        try
        {
            Pacer.Contracts.Probing.Selection.TargetPolicy.Require(baseUrl, arguments.AllowRemote);
            Pacer.Contracts.Probing.Checks.ProbeCheckCatalog.Select(arguments.Checks, arguments.SkipChecks);
            var spec = await OpenApiSpec.LoadFileAsync(Path.GetFullPath(arguments.OpenApi, context.CurrentDirectory), cancellationToken).ConfigureAwait(false);
            var users = await ProbeLogins.RunAsync(arguments.Logins.Select(l => Path.GetFullPath(l, context.CurrentDirectory)), baseUrl, cancellationToken).ConfigureAwait(false);
            var admin = arguments.AdminLogin is null
                ? null
                : (await ProbeLogins.RunAsync([Path.GetFullPath(arguments.AdminLogin, context.CurrentDirectory)], baseUrl, cancellationToken).ConfigureAwait(false))[0];
            var options = new ProbeOptions
            {
                BaseUrl = baseUrl,
                AllowRemote = arguments.AllowRemote,
                Users = users,
                Admin = admin,
                Include = arguments.Include,
                Exclude = arguments.Exclude,
                Checks = arguments.Checks,
                SkipChecks = arguments.SkipChecks,
                MaxRequests = arguments.MaxRequests,
                MaxBurst = arguments.MaxBurst,
                SigningKey = arguments.SigningKey,
                Progress = context.Error,
                LogRequests = arguments.Verbose,
            };
            var result = await ApiProber.RunAsync(spec, options, cancellationToken).ConfigureAwait(false);
            ProbeConsoleReport.Write(context.Out, result);
            foreach (var (format, path) in targets)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                var text = format switch
                {
                    "json" => ProbeJsonReport.Write(result),
                    "junit" => ProbeJunitReport.Write(result),
                    _ => ProbeMarkdownReport.Write(result),
                };
                await File.WriteAllTextAsync(path, text, cancellationToken).ConfigureAwait(false);
            }

            return result.Clean ? ExitCodes.Passed : ExitCodes.TestFailed;
        }
        catch (Exception exception) when (exception is OpenApiLoadException or ProbeInputException)
        {
            return BadInput(error, exception.Message);
        }
    }

    private static int BadInput(TextWriter error, string message)
    {
        error.WriteLine($"error: {message}");
        return ExitCodes.BadInput;
    }
}
