using System.Net;

namespace Pacer.Contracts.Probing.Selection;

/// <summary>
/// Which targets the probe may send attack traffic to: any http(s) URL, but a host that is not this machine only
/// with the user's confirmation (<c>--allow-remote</c>), since the requests are hostile by design.
/// </summary>
public static class TargetPolicy
{
    public static bool IsLoopback(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var host = baseUrl.IdnHost.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }

    /// <summary>Throws <see cref="ProbeInputException"/> unless the target is http(s) and loopback or confirmed.</summary>
    public static void Require(Uri baseUrl, bool allowRemote)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (!baseUrl.IsAbsoluteUri || baseUrl.Scheme is not ("http" or "https"))
        {
            throw new ProbeInputException($"--base-url {baseUrl}: expected an http or https URL");
        }

        if (!allowRemote && !IsLoopback(baseUrl))
        {
            throw new ProbeInputException(
                $"--base-url {baseUrl} is not this machine: the probe sends attack traffic (injection, brute force, forged tokens); " +
                "pass --allow-remote to confirm you may test that host");
        }
    }
}
