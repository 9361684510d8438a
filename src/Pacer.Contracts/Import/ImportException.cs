namespace Pacer.Contracts.Import;

/// <summary>An input an importer cannot read: not JSON, or not the format it claims to be.</summary>
public sealed class ImportException(string message) : Exception(message);
