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
    /// Logins a minute per client under <c>--serve</c> (10 in production). The README's commands send
    /// about 150 a round, most from <c>pacer probe</c> (its injection, boundary and enumeration cases all
    /// go to the login too), and the next command's login must not meet the 429 the probe left behind.
    /// </summary>
    public const int ServeLoginsPerMinute = 1_000;

    /// <summary>
    /// Register, refresh, logout and password resets a minute per client under <c>--serve</c> (30 in
    /// production), for the same reason: the examples register, the probe sends its cases to each.
    /// </summary>
    public const int ServeAuthPerMinute = 1_000;

    /// <summary>
    /// Any other request, a minute per client address and per signed-in user under <c>--serve</c> (600
    /// and 300 in production): a load test comes from one address and a few accounts, and at Storefront's
    /// own limits <c>pacer load --rate 100/s</c> measures its limiter (429s after six seconds) instead of
    /// Storefront. This is above what Storefront serves on a small machine, so the load decides.
    /// </summary>
    public const int ServeRequestsPerMinute = 1_000_000;

    /// <summary>
    /// The demo: any free port, a password for this run only, and no rate limits (its virtual users share
    /// a few accounts and one address; Storefront's own tests cover its limits).
    /// </summary>
    public static DemoStorefrontSettings ForDemo() =>
        new(0, "demo-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)), ["--Storefront:RateLimiting:Enabled=false"]);

    /// <summary>
    /// A target to try flows on: a known port, the documented passwords, and rate limits still on (the
    /// probe's checks and 429s behave as in production) but raised so the README's commands, load tests
    /// included, pass run after run.
    /// </summary>
    public static DemoStorefrontSettings ForServe(int port) =>
        new(port, ServeAdminPassword,
        [
            Limit("LoginPermitLimit", ServeLoginsPerMinute),
            Limit("AuthPermitLimit", ServeAuthPerMinute),
            Limit("PerIpPermitLimit", ServeRequestsPerMinute),
            Limit("PerUserPermitLimit", ServeRequestsPerMinute),
        ]);

    private static string Limit(string name, int perMinute) =>
        $"--Storefront:RateLimiting:{name}={perMinute.ToString(CultureInfo.InvariantCulture)}";
}
