using Pacer.Load.Runtime;
using Spectre.Console;

namespace Pacer.Reports.Load;

/// <summary>
/// The live panel on a terminal: a Spectre <c>Live</c> display redrawn on every progress
/// snapshot. Messages are written through the same console, so Spectre prints them above the
/// panel and redraws it below instead of tearing it.
/// </summary>
internal sealed class LiveProgressPanel : ILoadObserver
{
    private readonly IAnsiConsole _console;
    private readonly Lock _gate = new();
    private LiveDisplayContext? _context;

    private LiveProgressPanel(IAnsiConsole console) => _console = console;

    public static Task<T> RunAsync<T>(IAnsiConsole console, Func<ILoadObserver, Task<T>> run)
    {
        var panel = new LiveProgressPanel(console);
        return console.Live(LoadProgressView.Starting())
            .AutoClear(false)
            .Overflow(VerticalOverflow.Ellipsis)
            .StartAsync(async context =>
            {
                lock (panel._gate)
                {
                    panel._context = context;
                }

                try
                {
                    return await run(panel).ConfigureAwait(false);
                }
                finally
                {
                    // Late callbacks from the ticker must not draw after the display ended.
                    lock (panel._gate)
                    {
                        panel._context = null;
                    }
                }
            });
    }

    public void OnProgress(LoadProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var view = LoadProgressView.Render(progress);
        lock (_gate)
        {
            if (_context is null)
            {
                return;
            }

            _context.UpdateTarget(view);
            _context.Refresh();
        }
    }

    public void OnMessage(string message)
    {
        lock (_gate)
        {
            _console.WriteLine(message);
        }
    }
}
