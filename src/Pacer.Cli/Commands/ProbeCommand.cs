using System.CommandLine;
using Pacer.Contracts.OpenApi;
using Pacer.Contracts.Probing;
using Pacer.Contracts.Probing.Reports;

namespace Pacer.Cli.Commands;

/// <summary>
/// <c>pacer probe --openapi SPEC --base-url URL [--login FLOW]…</c>: sends hostile and edge-case
/// requests to every operation (loopback targets only) and reports what the API gets wrong, each
/// finding with a ready-to-run ```kest block. Exit 0 clean, 1 findings, 2 bad input.
/// </summary>
public static class ProbeCommand
{
    public static Command Create(PacerContext context)
    {
        var openApi = new Option<string>("--openapi") { Description = "The OpenAPI 3.0/3.1 document (JSON or YAML)", Required = true };
        var baseUrl = new Option<string>("--base-url") { Description = "The API's base URL; loopback only (127.0.0.1, ::1, localhost)", Required = true };
        var logins = new Option<string[]>("--login") { Description = "A flow that logs a user in and captures `token` (repeatable; two enable object-level checks)" };
        var maxRequests = new Option<int>("--max-requests") { Description = "The most requests the probe sends in total", DefaultValueFactory = _ => 5000 };
        var maxBurst = new Option<int>("--max-burst") { Description = "The most requests one rate-limit burst sends", DefaultValueFactory = _ => 100 };
        var signingKey = new Option<string?>("--signing-key") { Description = "The server's HMAC key, when known: expired tokens are then correctly signed" };
        var reports = new Option<string[]>("--report") { Description = "Write a report: FORMAT=PATH with FORMAT json, junit or markdown (repeatable)" };
        var command = new Command("probe", "Probe an API from its OpenAPI document for malformed-input, auth, injection and header flaws")
        {
            openApi, baseUrl, logins, maxRequests, maxBurst, signingKey, reports,
        };
        command.SetAction((parsed, cancellationToken) => ExecuteAsync(
            context,
            new ProbeArguments(
                parsed.GetValue(openApi)!,
                parsed.GetValue(baseUrl)!,
                parsed.GetValue(logins) ?? [],
                parsed.GetValue(maxRequests),
                parsed.GetValue(maxBurst),
                parsed.GetValue(signingKey),
                parsed.GetValue(reports) ?? []),
            cancellationToken));
        return command;
    }

    private sealed record ProbeArguments(string OpenApi, string BaseUrl, string[] Logins, int MaxRequests, int MaxBurst, string? SigningKey, string[] Reports);

    private static async Task<int> ExecuteAsync(PacerContext context, ProbeArguments arguments, CancellationToken cancellationToken)
    {
        var error = context.Error;
        if (!Uri.TryCreate(arguments.BaseUrl, UriKind.Absolute, out var baseUrl))
        {
            return BadInput(error, $"--base-url '{arguments.BaseUrl}' is not an absolute URL");
        }

        if (arguments.MaxRequests < 1 || arguments.MaxBurst < 1)
        {
            return BadInput(error, "--max-requests and --max-burst must be at least 1");
        }

        var targets = new List<(string Format, string Path)>();
        foreach (var report in arguments.Reports)
        {
            var equals = report.IndexOf('=', StringComparison.Ordinal);
            var format = equals < 0 ? report : report[..equals];
            if (equals < 0 || format is not ("json" or "junit" or "markdown"))
            {
                return BadInput(error, $"--report expects FORMAT=PATH with FORMAT json, junit or markdown, got '{report}'");
            }

            targets.Add((format, Path.GetFullPath(report[(equals + 1)..], context.CurrentDirectory)));
        }

        try
        {
            ApiProber.RequireLoopback(baseUrl);
            var spec = await OpenApiSpec.LoadFileAsync(Path.GetFullPath(arguments.OpenApi, context.CurrentDirectory), cancellationToken).ConfigureAwait(false);
            var tokens = await ProbeLogins.RunAsync(arguments.Logins.Select(l => Path.GetFullPath(l, context.CurrentDirectory)), baseUrl, cancellationToken).ConfigureAwait(false);
            var options = new ProbeOptions { BaseUrl = baseUrl, Tokens = tokens, MaxRequests = arguments.MaxRequests, MaxBurst = arguments.MaxBurst, SigningKey = arguments.SigningKey };
            var result = await ApiProber.RunAsync(spec, options, cancellationToken).ConfigureAwait(false);
            Print(context.Out, result);
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

    private static void Print(TextWriter output, ProbeReport report)
    {
        foreach (var finding in report.Findings)
        {
            output.WriteLine($"[{finding.Severity.ToString().ToUpperInvariant()}] {finding.Kind} {finding.Operation}: {finding.Title}");
            output.WriteLine($"  expected {finding.Expected}, got {finding.Got}");
            output.WriteLine(finding.Kest);
        }

        foreach (var note in report.Notes)
        {
            output.WriteLine($"note: {note}");
        }

        output.WriteLine(report.Clean
            ? $"No findings: {report.OperationsProbed} operations, {report.RequestsSent} requests."
            : $"{report.Findings.Count} finding(s): {report.OperationsProbed} operations, {report.RequestsSent} requests.");
    }

    private static int BadInput(TextWriter error, string message)
    {
        error.WriteLine($"error: {message}");
        return ExitCodes.BadInput;
    }
}
