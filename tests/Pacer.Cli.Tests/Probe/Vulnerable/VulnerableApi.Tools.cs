using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Pacer.Cli.Tests.Probe.Vulnerable;

internal sealed partial class VulnerableApi
{
    private sealed partial class Endpoints
    {
        public void MapTools(IEndpointRouteBuilder app)
        {
            app.MapPost("/tools/ping", (Delegate)PingAsync);
            app.MapGet("/search", (string? q) => q is null || q.Length > 100 ? Results.BadRequest()
                : Results.Content($"<html><body><p>Results for {(Has(VulnerableApiFlaw.MarkupInjection) ? q : Html(q))}</p></body></html>", "text/html"));
        }

        private async Task<IResult> PingAsync(HttpContext context)
        {
            if (!Has(VulnerableApiFlaw.MissingToken) && UserOf(context) is null)
            {
                return Results.Unauthorized();
            }

            var (body, refusal) = await ReadJsonAsync(context);
            if (refusal is not null)
            {
                return refusal;
            }

            if (Text(body!, "host") is not { Length: > 0 and <= 253 } host)
            {
                return Results.BadRequest(new { error = "host is required" });
            }

            if (!Has(VulnerableApiFlaw.CommandInjection))
            {
                return HostName().IsMatch(host) ? Results.Ok(new { output = $"pinging {host}" }) : Results.BadRequest(new { error = "not a host name" });
            }

            // The planted flaw: the host goes into a shell command line as it came.
            using var shell = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", $"echo pinging {host}"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = await shell.StandardOutput.ReadToEndAsync();
            await shell.WaitForExitAsync();
            return Results.Ok(new { output = output.Trim() });
        }

        [GeneratedRegex(@"^[A-Za-z0-9.-]{1,253}$", RegexOptions.CultureInvariant)]
        private static partial Regex HostName();
    }
}
