namespace Pacer.Cli.Tests.EndToEnd;

/// <summary>What one <c>pacer</c> invocation produced.</summary>
public sealed record CliOutcome(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
