using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Storefront.Api.Tests.Infrastructure;

/// <summary>
/// The built Storefront.Api.dll run as its own process on Kestrel (not TestServer), the way
/// <c>dotnet run</c> runs it, with a temp data directory. Disposing kills it and deletes the directory,
/// unless the caller passed a data directory of its own (to restart on the same database).
/// </summary>
public sealed partial class StorefrontProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _dataDirectory;
    private readonly bool _ownsDataDirectory;

    private StorefrontProcess(string environment, IDictionary<string, string> variables, string? dataDirectory)
    {
        _ownsDataDirectory = dataDirectory is null;
        _dataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "storefront-process", Guid.NewGuid().ToString("N"));
        var dll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["Storefront__DataDirectory"] = _dataDirectory;
        start.Environment.Remove("ConnectionStrings__Storefront");
        foreach (var (key, value) in variables)
        {
            start.Environment[key] = value;
        }

        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Collect(e.Data);
        _process.ErrorDataReceived += (_, e) => Collect(e.Data);
        _process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException("Storefront exited before listening."));
    }

    public string Output => string.Join('\n', _output);

    public static StorefrontProcess Start(
        string environment = "Development", IDictionary<string, string>? variables = null, string? dataDirectory = null)
    {
        var process = new StorefrontProcess(environment, variables ?? new Dictionary<string, string>(), dataDirectory);
        process._process.Start();
        process._process.BeginOutputReadLine();
        process._process.BeginErrorReadLine();
        return process;
    }

    /// <summary>The address Kestrel picked, once it logs "Now listening on".</summary>
    public Task<Uri> ListeningAsync(TimeSpan timeout) => _listening.Task.WaitAsync(timeout);

    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>
    /// Keeps the server on one core (the last), as the benchmarks run it: its capacity is then one core's, whatever
    /// else the test machine runs, and a load from the test process can pass it.
    /// </summary>
    public void PinToLastCpu()
    {
        if (Environment.ProcessorCount > 1 && (OperatingSystem.IsLinux() || OperatingSystem.IsWindows()))
        {
            _process.ProcessorAffinity = (nint)(1L << (Environment.ProcessorCount - 1));
        }
    }

    /// <summary>Ends the process the way a crash does: SIGKILL, no shutdown hooks, nothing flushed by the app.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        if (!_ownsDataDirectory)
        {
            return;
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Likewise.
        }
    }

    private void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
