using System.Text.Json;

namespace Pacer.Hub.Client;

/// <summary>
/// Where the CLI finds a token for a Hub: <c>PACER_HUB_TOKEN</c> (an API token, for CI) first, else the
/// session <c>pacer hub login</c> saved (a refresh token per Hub URL, in
/// <c>$XDG_CONFIG_HOME/pacer/hub-credentials.json</c>, mode 600), exchanged for a fresh access token on use.
/// </summary>
public sealed class HubCredentials(string path, Func<string, string?> environment)
{
    public const string TokenVariable = "PACER_HUB_TOKEN";

    public string Path { get; } = path;

    public static HubCredentials Default(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var config = environment("XDG_CONFIG_HOME");
        if (string.IsNullOrEmpty(config))
        {
            config = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        }

        return new HubCredentials(System.IO.Path.Combine(config, "pacer", "hub-credentials.json"), environment);
    }

    public void Save(Uri hub, HubTokens tokens)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(tokens);
        var all = Load();
        all[Key(hub)] = new Saved(tokens.User.Username, tokens.RefreshToken);
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var temporary = Path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(all, HubJson.Options));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, Path, overwrite: true);
    }

    /// <summary>A bearer token for <paramref name="hub"/>, or null with nothing configured.</summary>
    public async Task<string?> TokenForAsync(Uri hub, HttpClient? http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hub);
        var fromEnvironment = environment(TokenVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment.Trim();
        }

        if (!Load().TryGetValue(Key(hub), out var saved))
        {
            return null;
        }

        using var client = new HubClient(hub, null, http);
        var tokens = await client.RefreshAsync(saved.RefreshToken, cancellationToken).ConfigureAwait(false);
        Save(hub, tokens);
        return tokens.AccessToken;
    }

    private Dictionary<string, Saved> Load()
    {
        try
        {
            return File.Exists(Path)
                ? JsonSerializer.Deserialize<Dictionary<string, Saved>>(File.ReadAllText(Path), HubJson.Options) ?? []
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string Key(Uri hub) => hub.GetLeftPart(UriPartial.Path).TrimEnd('/');

    private sealed record Saved(string Username, string RefreshToken);
}
