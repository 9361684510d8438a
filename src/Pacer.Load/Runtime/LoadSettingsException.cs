namespace Pacer.Load.Runtime;

/// <summary>Load options that do not fit together or do not parse (bad input: <c>pacer load</c> exits 2).</summary>
public sealed class LoadSettingsException(string message) : Exception(message);
