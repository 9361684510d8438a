using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pacer.Load.Results;

/// <summary>
/// Reads and writes result files. Names are snake_case (<c>latency_ms</c>, <c>bytes_in</c>) as
/// in docs/results-json.md; a file with a newer <c>version</c> than this build knows is refused
/// with a message rather than half-read.
/// </summary>
public static class LoadResultJson
{
    public const int CurrentVersion = 2;

    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void Write(LoadResult result, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(result);
        JsonSerializer.Serialize(destination, result, Options);
    }

    /// <summary>Writes <paramref name="result"/> to <paramref name="path"/>, creating its folder; written to a temporary file first so an interrupted write never leaves half a file.</summary>
    public static void WriteFile(LoadResult result, string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp";
        using (var stream = File.Create(temporary))
        {
            Write(result, stream);
        }

        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>Reads a result file; throws <see cref="InvalidDataException"/> with the file name for anything that is not one.</summary>
    public static LoadResult ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    public static LoadResult Read(Stream source, string name)
    {
        LoadResult? result;
        try
        {
            result = JsonSerializer.Deserialize<LoadResult>(source, Options);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{name}: not a Pacer result file ({exception.Message})", exception);
        }

        if (result is null || result.Kind != "load")
        {
            throw new InvalidDataException($"{name}: not a Pacer load result file (kind must be \"load\")");
        }

        if (result.Version > CurrentVersion)
        {
            throw new InvalidDataException($"{name}: result file version {result.Version} is newer than this Pacer understands ({CurrentVersion}); upgrade Pacer");
        }

        return result;
    }
}
