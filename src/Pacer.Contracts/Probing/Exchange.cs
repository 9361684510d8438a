using Pacer.Contracts.Generation;

namespace Pacer.Contracts.Probing;

/// <summary>One request the probe sent for an operation and what came back: the unit of evidence.</summary>
public sealed record Exchange(ApiOperation Operation, GeneratedRequest Request, ProbeResponse Response)
{
    public string Label => Operation.Label;
}
