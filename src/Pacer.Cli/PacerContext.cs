namespace Pacer.Cli;

/// <summary>
/// What a command may touch of the outside world, so tests run commands in-process with their
/// own writers, directory and environment.
/// </summary>
public sealed record PacerContext(
    TextWriter Out,
    TextWriter Error,
    string CurrentDirectory,
    Func<string, string?> Environment,
    bool OutputIsTerminal);
