using System.Text.Json;

namespace Pacer.Hub.Client;

/// <summary>
/// Results that could not be uploaded, kept in <c>.pacer/hub-outbox/</c> (one JSON file each, written
/// atomically) until <c>pacer hub push</c> sends them. A result is removed only after the Hub accepted it,
/// so an upload failure never loses one.
/// </summary>
public sealed class HubOutbox(string directory)
{
    public const string DefaultFolder = ".pacer/hub-outbox";

    public string Directory { get; } = directory;

    public sealed record Entry(string Hub, string Project, string? Kind, string? Label, DateTimeOffset KeptAt, string Reason, string Result);

    public static HubOutbox In(string workingDirectory) => new(Path.Combine(workingDirectory, DefaultFolder));

    public string Keep(Entry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, $"{entry.KeptAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{Guid.NewGuid().ToString("N")[..8]}.json");
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(entry, HubJson.Options));
        File.Move(temporary, path);
        return path;
    }

    public IReadOnlyList<string> Pending() =>
        System.IO.Directory.Exists(Directory) ? [.. System.IO.Directory.GetFiles(Directory, "*.json").Order(StringComparer.Ordinal)] : [];

    public static Entry Read(string path) =>
        JsonSerializer.Deserialize<Entry>(File.ReadAllText(path), HubJson.Options) ?? throw new InvalidDataException($"{path}: not an outbox entry");

    /// <summary>
    /// Sends every kept result, oldest first, each to the Hub and project it was meant for, and deletes
    /// it once accepted. Stops at the first transient failure (the Hub is still unreachable); a refusal
    /// (a file the Hub rejects) is reported and the file kept for a person to look at.
    /// </summary>
    /// <param name="destination">Send everything here instead of the Hub each entry names (the Hub moved).</param>
    public async Task<PushReport> PushAsync(Func<string, Task<HubClient>> clientFor, TextWriter log, CancellationToken cancellationToken, string? destination = null)
    {
        ArgumentNullException.ThrowIfNull(clientFor);
        ArgumentNullException.ThrowIfNull(log);
        int sent = 0, refused = 0;
        var pending = Pending();
        foreach (var path in pending)
        {
            Entry entry;
            try
            {
                entry = Read(path);
            }
            catch (Exception exception) when (exception is JsonException or InvalidDataException)
            {
                await log.WriteLineAsync($"{Path.GetFileName(path)}: unreadable, kept ({exception.Message})").ConfigureAwait(false);
                refused++;
                continue;
            }

            try
            {
                var hub = destination ?? entry.Hub;
                using var client = await clientFor(hub).ConfigureAwait(false);
                var project = await client.FindProjectAsync(entry.Project, cancellationToken).ConfigureAwait(false);
                var run = await client.UploadAsync(project.Id, entry.Result, entry.Kind, entry.Label, cancellationToken).ConfigureAwait(false);
                File.Delete(path);
                sent++;
                await log.WriteLineAsync($"{Path.GetFileName(path)}: sent to {hub} ({entry.Project}), run {run.Id}").ConfigureAwait(false);
            }
            catch (HubException exception) when (exception.IsTransient)
            {
                await log.WriteLineAsync($"{Path.GetFileName(path)}: not sent, {exception.Message}; kept for the next push").ConfigureAwait(false);
                return new PushReport(sent, refused, pending.Count - sent - refused);
            }
            catch (HubException exception)
            {
                await log.WriteLineAsync($"{Path.GetFileName(path)}: refused, {exception.Message}; kept").ConfigureAwait(false);
                refused++;
            }
        }

        return new PushReport(sent, refused, pending.Count - sent - refused);
    }
}

/// <summary>What a push did: sent and removed, refused (kept), and left unsent because the Hub could not be reached.</summary>
public sealed record PushReport(int Sent, int Refused, int Remaining);
