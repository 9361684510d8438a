namespace Pacer.Contracts.Probing;

/// <summary>Input the probe cannot start with: a non-loopback target, a login flow that does not parse or yields no token.</summary>
public sealed class ProbeInputException(string message) : Exception(message);
