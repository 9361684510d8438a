using System.Diagnostics;

namespace Pacer.TestSupport;

/// <summary>
/// Runs Debian's <c>chromium</c> headless on a local file: its DOM after scripts ran, or a
/// screenshot. Found through <c>PACER_CHROMIUM</c>, then the usual paths. When it is missing the
/// tests fail with the way to install it (CI runs scripts/chromium.sh first): a report test that
/// silently skips would prove nothing.
/// </summary>
public static class HeadlessChromium
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    public static string Executable() =>
        Executable([Environment.GetEnvironmentVariable("PACER_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]);

    public static string Executable(IEnumerable<string?> candidates)
    {
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "Chromium is needed for the browser tests (HTML reports, dashboards) and was not found. Install it with `scripts/chromium.sh` " +
                "(Debian: `apt-get update && apt-get install -y chromium`, as root) or set PACER_CHROMIUM to its path.");
    }

    public static async Task<string> DumpDomAsync(string htmlFile, CancellationToken cancellationToken)
    {
        var (output, _) = await RunAsync(["--dump-dom", new Uri(htmlFile).AbsoluteUri], cancellationToken);
        return output;
    }

    /// <summary>Saves a PNG of the page; <paramref name="dark"/> makes the page see <c>prefers-color-scheme: dark</c>.</summary>
    public static async Task ScreenshotAsync(string htmlFile, string pngFile, int width, int height, CancellationToken cancellationToken, bool dark = false)
    {
        string[] scheme = dark ? ["--blink-settings=preferredColorScheme=0"] : [];
        var (_, errors) = await RunAsync([.. scheme, $"--screenshot={pngFile}", $"--window-size={width},{height}", "--hide-scrollbars", new Uri(htmlFile).AbsoluteUri], cancellationToken);
        if (!File.Exists(pngFile))
        {
            throw new InvalidOperationException($"chromium wrote no screenshot to {pngFile}:\n{errors}");
        }
    }

    private static async Task<(string Output, string Errors)> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        // A fresh profile per run: parallel runs would otherwise fight over the profile lock.
        var profile = Directory.CreateTempSubdirectory("pacer-chromium-");
        var start = new ProcessStartInfo(Executable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions", "--disable-dev-shm-usage", $"--user-data-dir={profile.FullName}"])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Limit);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            return (await output, await errors);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"chromium did not finish within {Limit.TotalSeconds}s");
        }
        finally
        {
            try
            {
                profile.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Chromium's helpers may still be letting go of the profile; a leftover temp folder is harmless.
            }
        }
    }
}
