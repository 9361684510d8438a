namespace Pacer.Contracts.Probing;

public enum FindingSeverity
{
    Low,
    Medium,
    High,
    Critical,
}
