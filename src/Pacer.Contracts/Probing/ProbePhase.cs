namespace Pacer.Contracts.Probing;

/// <summary>The passes of a probe run, in order: most operations, then secured credential changes, then destructive operations.</summary>
public enum ProbePhase
{
    Regular,
    Credentials,
    Destructive,
}
