namespace Pacer.Cli;

/// <summary>What <c>pacer</c> returns; the same for every command (see docs/cli.md).</summary>
public static class ExitCodes
{
    /// <summary>Everything passed.</summary>
    public const int Passed = 0;

    /// <summary>A test failed: an assertion, a capture, an unreachable target.</summary>
    public const int TestFailed = 1;

    /// <summary>Bad input: usage, a flow or config that does not parse.</summary>
    public const int BadInput = 2;

    /// <summary>The run could not be carried out.</summary>
    public const int InternalError = 3;
}
