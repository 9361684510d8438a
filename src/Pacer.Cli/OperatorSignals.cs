using System.Runtime.InteropServices;
using Pacer.Application;

namespace Pacer.Cli;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM as a run's operator means them: the first stops the run gracefully
/// (no new work; requests in flight get the drain timeout; the summary, the result file and every
/// report are still written; exit 3), the second cancels requests in flight at once (still writing
/// what was measured), a third ends the process (exit 3). The process is never killed by the
/// runtime's default handler, which would lose the run.
/// </summary>
public sealed class OperatorSignals : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly TextWriter _error;
    private int _received;

    public OperatorSignals(TextWriter error)
    {
        _error = error;
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
        }
    }

    public RunControl Control => new(_stop.Token, _abort.Token);

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        switch (Interlocked.Increment(ref _received))
        {
            case 1:
                _error.WriteLine($"\n{Name(context.Signal)}: stopping, finishing requests in flight and writing what was measured (again to stop now)");
                _stop.Cancel();
                break;
            case 2:
                _error.WriteLine($"\n{Name(context.Signal)}: cancelling requests in flight");
                _abort.Cancel();
                break;
            default:
                _error.WriteLine($"\n{Name(context.Signal)}: exiting now");
                Environment.Exit(ExitCodes.InternalError);
                break;
        }
    }

    private static string Name(PosixSignal signal) => signal == PosixSignal.SIGTERM ? "SIGTERM" : "interrupted";

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _stop.Dispose();
        _abort.Dispose();
    }
}
