using Pacer.Load.Results;
using Pacer.Load.Runtime;
using Pacer.Reports.Console;
using Spectre.Console;

namespace Pacer.Reports.Load;

/// <summary>
/// What <c>pacer load</c> prints: progress while the load runs (a live panel on a terminal,
/// plain periodic lines otherwise) and the summary with every threshold at the end.
/// </summary>
public sealed class LoadConsoleReporter
{
    private readonly TextWriter _output;
    private readonly IAnsiConsole _console;

    public LoadConsoleReporter(TextWriter output, ConsoleStyle style, bool interactive)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(style);
        _output = output;
        Style = style;
        Interactive = interactive;
        _console = CreateConsole(output, style, interactive);
    }

    public ConsoleStyle Style { get; }

    public bool Interactive { get; }

    /// <summary>Runs <paramref name="run"/> while showing its progress; the observer given to it is the display.</summary>
    public Task<T> ShowProgressAsync<T>(Func<ILoadObserver, Task<T>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Interactive
            ? LiveProgressPanel.RunAsync(_console, run)
            : run(new PlainProgressLines(_output));
    }

    public void RenderSummary(LoadResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        LoadSummaryView.Render(_console, result);
    }

    /// <summary>
    /// A Spectre console over <paramref name="output"/>: colour only when the style allows it; ANSI
    /// cursor control whenever the live panel needs it (a terminal, even with NO_COLOR).
    /// </summary>
    internal static IAnsiConsole CreateConsole(TextWriter output, ConsoleStyle style, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive || style.UseColor ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = style.UseColor ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });

        // Files and CI logs have no width; 80 columns would wrap the step table.
        if (!console.Profile.Out.IsTerminal)
        {
            console.Profile.Width = 140;
        }

        return console;
    }
}
