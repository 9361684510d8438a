namespace Pacer.Contracts.Probing.Harvest;

/// <summary>
/// An identifier seen during the run — an id, a name, a title, a user name — with where it belongs (its resource),
/// who saw it (user names; "" for anonymous requests), whether anyone may see it (it came in an answer to an
/// unsecured operation) and who created it (it was in that user's create request or create answer).
/// </summary>
public sealed class HarvestedValue(string key, string value, string resource)
{
    public string Key { get; } = key;

    public string Value { get; } = value;

    public string Resource { get; } = resource;

    public HashSet<string> SeenBy { get; } = new(StringComparer.Ordinal);

    /// <summary>The users who saw it in an answer to a secured operation: what the API shows a user about itself.</summary>
    public HashSet<string> SeenSecuredBy { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The users this value describes: it stood in an object beside the user's login identity (<c>{"username": "alice",
    /// "email": …}</c>), or it is the identity itself. Unlike who saw it, this does not change when a flaw lets others see it.
    /// </summary>
    public HashSet<string> BelongsTo { get; } = new(StringComparer.Ordinal);

    public bool Public { get; set; }

    public string? CreatedBy { get; set; }

    /// <summary>A sequence number of the last sighting: later sightings are fresher (objects still there).</summary>
    public long LastSeen { get; set; }

    public bool IsNumeric => Value.Length > 0 && Value.All(char.IsAsciiDigit);

    public override string ToString() => $"{Key}={Value} ({Resource})";
}
