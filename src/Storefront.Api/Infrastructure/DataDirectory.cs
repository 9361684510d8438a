namespace Storefront.Api.Infrastructure;

/// <summary>
/// The folder behind Storefront:DataDirectory (the embedded SQLite database, the Development signing key). Checked
/// at start-up by writing a probe file, so a folder Storefront cannot write stops it with the setting to fix rather
/// than with "unable to open database file" at the first request.
/// </summary>
public static class DataDirectory
{
    public static string EnsureWritable(string? configured, IHostEnvironment environment)
    {
        var directory = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "./data" : configured, environment.ContentRootPath);
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".write-probe-{Environment.ProcessId}");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
            return directory;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"Storefront:DataDirectory '{directory}' is not writable ({error.Message}); point it at a folder Storefront may write " +
                "(e.g. the environment variable Storefront__DataDirectory).", error);
        }
    }
}
