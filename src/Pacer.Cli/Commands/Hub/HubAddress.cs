namespace Pacer.Cli.Commands.Hub;

/// <summary>A Hub's base URL as the user typed it: absolute http(s).</summary>
public static class HubAddress
{
    public static bool TryParse(string? text, out Uri? url, out string? error)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out url) && url.Scheme is "http" or "https")
        {
            error = null;
            return true;
        }

        url = null;
        error = $"'{text}' is not a Hub URL; expected http(s)://host[:port]";
        return false;
    }
}
