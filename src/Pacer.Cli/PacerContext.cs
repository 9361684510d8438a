using Pacer.Application;

namespace Pacer.Cli;

/// <summary>
/// What a command may touch of the outside world, so tests run commands in-process with their
/// own writers, directory and environment. <see cref="Control"/> carries the operator's signals
/// (Ctrl-C, SIGTERM) to the runs; in-process callers pass their own or none.
/// </summary>
public sealed record PacerContext(
    TextWriter Out,
    TextWriter Error,
    string CurrentDirectory,
    Func<string, string?> Environment,
    bool OutputIsTerminal)
{
    public RunControl Control { get; init; } = RunControl.None;
}
