using System.Globalization;
using System.Security.Cryptography;

namespace Pacer.Cli.Demo;

/// <summary>
/// How <see cref="DemoStorefront"/> starts Storefront: the port, the admin password and the rate
/// limits, as Storefront configuration arguments.
/// </summary>
internal sealed record DemoStorefrontSettings(int Port, string AdminPassword, IReadOnlyList<string> RateLimits)
{
    /// <summary>The address <c>pacer demo --serve</c> listens on unless told otherwise; the examples' config names it.</summary>
    public const int ServePort = 5080;

    /// <summary>Storefront's documented development password, so the examples log in as admin without a --var.</summary>
    public const string ServeAdminPassword = "admin-dev-password";

    /// <summary>
    /// Logins a minute per client under <c>--serve</c>. Storefront allows 10, which the README's commands
    /// and the examples (about a dozen logins a round) exceed when run twice in a row; every other limit
    /// stays Storefront's own, so 429s and the probe's rate-limit checks still behave as in production.
    /// </summary>
    public const int ServeLoginsPerMinute = 100;

    /// <summary>
    /// The demo: any free port, a password for this run only, and no rate limits (its virtual users share
    /// a few accounts and one address; Storefront's own tests cover its limits).
    /// </summary>
    public static DemoStorefrontSettings ForDemo() =>
        new(0, "demo-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)), ["--Storefront:RateLimiting:Enabled=false"]);

    /// <summary>A target to try flows on: a known port and the documented passwords.</summary>
    public static DemoStorefrontSettings ForServe(int port) =>
        new(port, ServeAdminPassword, [$"--Storefront:RateLimiting:LoginPermitLimit={ServeLoginsPerMinute.ToString(CultureInfo.InvariantCulture)}"]);
}
