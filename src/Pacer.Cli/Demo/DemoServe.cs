using System.Globalization;

namespace Pacer.Cli.Demo;

/// <summary>
/// <c>pacer demo --serve</c>: Storefront as a target to try flows on. Starts it as the demo does (its own
/// process, a fresh SQLite database) on a known port, saves its OpenAPI document, prints where it is and
/// how to log in, and keeps it running until Ctrl-C or SIGTERM. Exit 0 when stopped that way, 3 when
/// Storefront could not start or stopped by itself.
/// </summary>
internal static class DemoServe
{
    private const string ApiRoot = "/api/v1";

    public static async Task<int> RunAsync(PacerContext context, int port, string outputDirectory, CancellationToken cancellationToken)
    {
        var output = context.Out;
        DemoStorefront storefront;
        try
        {
            storefront = await DemoStorefront.StartAsync(output, DemoStorefrontSettings.ForServe(port), cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException exception) when (exception.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            await context.Error.WriteLineAsync(
                $"error: port {port} on 127.0.0.1 is taken (is Storefront already running there?): stop what uses it, or pick another with --port N (--port 0 for any free port)").ConfigureAwait(false);
            return ExitCodes.InternalError;
        }

        await using (storefront.ConfigureAwait(false))
        {
            var root = storefront.BaseUrl[..^ApiRoot.Length];
            var document = await SaveOpenApiAsync(root, outputDirectory, cancellationToken).ConfigureAwait(false);
            await PrintBannerAsync(context, storefront, root, document).ConfigureAwait(false);

            // The first Ctrl-C or SIGTERM (or an in-process caller's token) stops it; so does Storefront ending by itself.
            using var stopped = CancellationTokenSource.CreateLinkedTokenSource(context.Control.Stop, cancellationToken);
            var exited = storefront.WaitForExitAsync(CancellationToken.None);
            await Task.WhenAny(exited, Task.Delay(Timeout.Infinite, stopped.Token)).ConfigureAwait(false);
            if (exited.IsCompleted)
            {
                await context.Error.WriteLineAsync($"error: Storefront stopped by itself:\n{storefront.RecentOutput}").ConfigureAwait(false);
                return ExitCodes.InternalError;
            }
        }

        await output.WriteLineAsync("Storefront stopped; its database was deleted.").ConfigureAwait(false);
        return ExitCodes.Passed;
    }

    /// <summary>Saves Storefront's OpenAPI document where <c>pacer contract</c>, <c>probe</c> and <c>import</c> can read it.</summary>
    private static async Task<string> SaveOpenApiAsync(string root, string outputDirectory, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var document = await client.GetStringAsync(new Uri(root + "/openapi/v1.json"), cancellationToken).ConfigureAwait(false);
        Directory.CreateDirectory(outputDirectory);
        var path = Path.Combine(outputDirectory, "openapi.json");
        await File.WriteAllTextAsync(path, document, cancellationToken).ConfigureAwait(false);
        return path;
    }

    private static async Task PrintBannerAsync(PacerContext context, DemoStorefront storefront, string root, string document)
    {
        var shown = Path.GetRelativePath(context.CurrentDirectory, document);
        var examples = ExamplesFolder(context);
        string[] lines =
        [
            "",
            $"Storefront is serving at {root} (pid {storefront.ProcessId}) until Ctrl-C:",
            $"  API root     {storefront.BaseUrl}   (the --base-url of the example flows)",
            $"  OpenAPI      {root}/openapi/v1.json, saved to {(shown.StartsWith("..", StringComparison.Ordinal) ? document : shown)}",
            $"  health       {root}/health",
            $"  admin        admin@storefront.local / {DemoStorefrontSettings.ServeAdminPassword}",
            "  shoppers     alice, bob, carol (@storefront.local) / shopper-pass-1",
            $"  database     fresh SQLite in {storefront.DataDirectory}, deleted when it stops",
            $"  rate limits  on, raised so examples and load tests can run back to back: a minute per client, {PerMinute(DemoStorefrontSettings.ServeLoginsPerMinute)} logins (10 in production),",
            $"               {PerMinute(DemoStorefrontSettings.ServeAuthPerMinute)} other auth calls (30), {PerMinute(DemoStorefrontSettings.ServeRequestsPerMinute)} other requests (600 per address, 300 per user)",
            "",
            "Try, in another terminal:",
            $"  pacer run {Path.Combine(examples, "quickstart")}{(storefront.BaseUrl == $"http://127.0.0.1:{DemoStorefrontSettings.ServePort}{ApiRoot}" ? "" : $" --base-url {storefront.BaseUrl}")}",
            $"  pacer run {Path.Combine(examples, "storefront")} --base-url {storefront.BaseUrl}",
            $"  pacer load {Path.Combine(examples, "storefront-load", "shopper.flow.md")} --base-url {storefront.BaseUrl} --vus 8 --duration 10s",
            "",
        ];
        foreach (var line in lines)
        {
            await context.Out.WriteLineAsync(line).ConfigureAwait(false);
        }
    }

    private static string PerMinute(int count) => count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The repository's examples when run from a clone, else the copy bundled beside pacer.</summary>
    private static string ExamplesFolder(PacerContext context) =>
        Directory.Exists(Path.Combine(context.CurrentDirectory, "examples", "quickstart"))
            ? "examples"
            : Path.Combine(AppContext.BaseDirectory, "examples");
}
