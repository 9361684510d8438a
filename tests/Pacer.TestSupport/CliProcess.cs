using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Pacer.TestSupport;

/// <summary>
/// A command-line program (<c>pacer</c>) as its own process, as a user runs it: output collected
/// line by line, POSIX signals sent to it (Ctrl-C is SIGINT), its peak memory (VmHWM) read while it
/// runs. Killed on dispose if still running, so a failing test leaves nothing behind.
/// </summary>
public sealed partial class CliProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _out = new();
    private readonly ConcurrentQueue<string> _error = new();
    private readonly Task _memoryWatch;
    private readonly CancellationTokenSource _stopWatch = new();
    private long _peakBytes;

    private CliProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) { _out.Enqueue(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { _error.Enqueue(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _memoryWatch = WatchMemoryAsync(_stopWatch.Token);
    }

    public int Id => _process.Id;

    public string Out => string.Join('\n', _out);

    public string Error => string.Join('\n', _error);

    /// <summary>The largest resident set the process reached (Linux VmHWM), in bytes.</summary>
    public long PeakResidentBytes => Math.Max(Volatile.Read(ref _peakBytes), ReadPeak());

    /// <summary>Starts <c>dotnet <paramref name="assembly"/> args</c> in <paramref name="workingDirectory"/>.</summary>
    public static CliProcess Start(string assembly, string workingDirectory, params string[] args) =>
        Start(assembly, workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>The same, with <paramref name="environment"/> added to the process's environment (a pod's variables, say).</summary>
    public static CliProcess Start(string assembly, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new CliProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>Waits until a line of standard output contains <paramref name="text"/>.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan limit, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (!_out.Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            if (_process.HasExited || deadline.Elapsed > limit)
            {
                throw new TimeoutException($"no output line with '{text}' within {limit.TotalSeconds}s (exited: {_process.HasExited})\n--- stdout\n{Out}\n--- stderr\n{Error}");
            }

            await Task.Delay(25, cancellationToken);
        }
    }

    public void Signal(PosixSignal signal)
    {
        var number = signal switch
        {
            PosixSignal.SIGINT => 2,
            PosixSignal.SIGTERM => 15,
            _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, "SIGINT or SIGTERM"),
        };
        if (Kill(_process.Id, number) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, {number}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Kills the process outright (SIGKILL): no handler runs, its sockets just close, as when a machine or pod dies.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public bool HasExited => _process.HasExited;

    /// <summary>The exit code, or a timeout that says what the process printed.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"the process did not exit within {limit.TotalSeconds}s\n--- stdout\n{Out}\n--- stderr\n{Error}");
        }

        _process.WaitForExit(); // lets the output handlers drain
        return _process.ExitCode;
    }

    public override string ToString() => $"--- stdout\n{Out}\n--- stderr\n{Error}";

    public async ValueTask DisposeAsync()
    {
        await _stopWatch.CancelAsync();
        try
        {
            await _memoryWatch;
        }
        catch (OperationCanceledException)
        {
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _stopWatch.Dispose();
    }

    private async Task WatchMemoryAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var peak = ReadPeak();
            if (peak > Volatile.Read(ref _peakBytes))
            {
                Volatile.Write(ref _peakBytes, peak);
            }

            await Task.Delay(20, cancellationToken);
        }
    }

    // /proc/PID/status, "VmHWM:   123456 kB": the peak resident set so far. Gone once the process exits.
    private long ReadPeak()
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // The process is gone or not started yet.
        }

        return 0;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
