using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Pacer.Cli.Demo;

/// <summary>
/// Storefront as its own process, the way it runs in production: the Storefront.Api.dll built
/// beside <c>pacer</c>, on 127.0.0.1 with a port Kestrel picks, a fresh SQLite database in a
/// temporary folder and secrets generated for this run only. A separate process keeps the load
/// generator and the server from sharing a garbage collector and a thread pool, so the numbers
/// describe the server. Disposing it stops the process and deletes the folder.
/// </summary>
internal sealed partial class DemoStorefront : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly string _dataDirectory;
    private readonly ConcurrentQueue<string> _log = new();
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private DemoStorefront(Process process, string dataDirectory, string adminPassword)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        AdminPassword = adminPassword;
    }

    /// <summary>The API root, e.g. <c>http://127.0.0.1:41234/api/v1</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    public string AdminPassword { get; }

    public int ProcessId => _process.Id;

    /// <summary>Where the Storefront build sits: beside <c>pacer</c> (Pacer.Cli references Storefront.Api).</summary>
    public static string AssemblyPath => Path.Combine(AppContext.BaseDirectory, "Storefront.Api.dll");

    /// <summary>Where the database lives (a temporary folder, deleted on dispose).</summary>
    public string DataDirectory => _dataDirectory;

    /// <summary>The demo's Storefront: any free port, a generated admin password, no rate limits.</summary>
    public static Task<DemoStorefront> StartAsync(TextWriter progress, CancellationToken cancellationToken) =>
        StartAsync(progress, DemoStorefrontSettings.ForDemo(), cancellationToken);

    public static async Task<DemoStorefront> StartAsync(TextWriter progress, DemoStorefrontSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!File.Exists(AssemblyPath))
        {
            throw new FileNotFoundException($"Storefront is not built beside pacer: {AssemblyPath}");
        }

        var dataDirectory = Directory.CreateTempSubdirectory("pacer-demo-").FullName;
        var adminPassword = settings.AdminPassword;
        var start = new ProcessStartInfo(DotnetHost())
        {
            // Its own working directory, so an appsettings.json in the user's folder is never read.
            WorkingDirectory = dataDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])
        [
            AssemblyPath,
            "--urls", $"http://127.0.0.1:{settings.Port}",
            "--environment", "Production",
            "--contentRoot", AppContext.BaseDirectory,
            $"--Storefront:DataDirectory={dataDirectory}",
            $"--Storefront:Admin:Password={adminPassword}",
            $"--Storefront:Jwt:SigningKey={Convert.ToBase64String(RandomNumberGenerator.GetBytes(48))}",
            .. settings.RateLimits,
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
        ])
        {
            start.ArgumentList.Add(argument);
        }

        // A connection string from the user's shell would point the demo at their database.
        start.Environment.Remove("ConnectionStrings__Storefront");
        start.Environment.Remove("ASPNETCORE_URLS");

        await progress.WriteLineAsync($"Starting Storefront as its own process (SQLite in {dataDirectory})…").ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var storefront = new DemoStorefront(process, dataDirectory, adminPassword);
        process.OutputDataReceived += (_, e) => storefront.Collect(e.Data);
        process.ErrorDataReceived += (_, e) => storefront.Collect(e.Data);
        process.Exited += (_, _) => storefront._listening.TrySetException(
            new InvalidOperationException($"Storefront exited (code {process.ExitCode}) before it listened:\n{storefront.RecentLog()}"));
        try
        {
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var address = await storefront._listening.Task.WaitAsync(StartTimeout, cancellationToken).ConfigureAwait(false);
            storefront.BaseUrl = address.TrimEnd('/') + "/api/v1";
            await progress.WriteLineAsync($"Storefront (pid {process.Id}) is up at {address} after {clock.Elapsed.TotalSeconds:0.0} s, database seeded; warming up…").ConfigureAwait(false);
            await WarmUpAsync(storefront.BaseUrl, cancellationToken).ConfigureAwait(false);
            return storefront;
        }
        catch (TimeoutException)
        {
            await storefront.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"Storefront did not listen within {StartTimeout.TotalSeconds:0} s:\n{storefront.RecentLog()}");
        }
        catch
        {
            await storefront.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Completes when the Storefront process ends by itself (or is stopped).</summary>
    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>The last lines Storefront wrote, for a message when it stops by itself.</summary>
    public string RecentOutput => RecentLog();

    private void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }

        _log.Enqueue(line);
        while (_log.Count > 200 && _log.TryDequeue(out _))
        {
        }

        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(match.Groups["address"].Value);
        }
    }

    private string RecentLog() => string.Join('\n', _log.TakeLast(30));

    /// <summary>The <c>dotnet</c> host this process runs on (the SDK's, under <c>dotnet run</c>), else the one on PATH.</summary>
    private static string DotnetHost()
    {
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var host = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(host) ? host : "dotnet";
    }

    /// <summary>
    /// The flows' budgets describe a warm server. A fresh process pays JIT and query compilation
    /// on each path's first call, so touch the main paths once (changing nothing) first.
    /// </summary>
    private static async Task WarmUpAsync(string baseUrl, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl + "/"), Timeout = TimeSpan.FromSeconds(30) };
        using var badLogin = new StringContent("""{"login":"admin@storefront.local","password":"not-the-password"}""", System.Text.Encoding.UTF8, "application/json");
        using var invalidRegistration = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        using var anonymousOrder = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        Func<Task<HttpResponseMessage>>[] calls =
        [
            () => client.GetAsync("health", cancellationToken),
            () => client.GetAsync("categories", cancellationToken),
            () => client.GetAsync("products?sort=price&pageSize=20", cancellationToken),
            () => client.PostAsync("auth/login", badLogin, cancellationToken),
            () => client.PostAsync("auth/register", invalidRegistration, cancellationToken),
            () => client.PostAsync("orders", anonymousOrder, cancellationToken),
        ];
        foreach (var call in calls)
        {
            using var response = await call().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                // The database is thrown away with its folder, so there is nothing to shut down cleanly.
                _process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started: nothing to stop.
        }
        catch (OperationCanceledException)
        {
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless; failing the demo over it is not.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    [GeneratedRegex(@"Now listening on: (?<address>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
