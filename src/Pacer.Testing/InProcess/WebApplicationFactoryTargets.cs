using Microsoft.AspNetCore.Mvc.Testing;

namespace Pacer.Testing;

/// <summary>
/// In-process targets: flows run through the factory's TestServer client — no port, no socket.
/// Each run gets a fresh client (its own cookies), and redirects are not followed, as in <c>pacer run</c>.
/// </summary>
public static class WebApplicationFactoryTargets
{
    /// <param name="factory">The app under test.</param>
    /// <param name="basePath">The API root flows' relative URLs hang off, e.g. <c>/api/v1</c>.</param>
    public static FlowTarget AsFlowTarget<TEntryPoint>(this WebApplicationFactory<TEntryPoint> factory, string basePath = "/")
        where TEntryPoint : class
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(basePath);
        var baseAddress = new Uri(new Uri("http://localhost/"), basePath.TrimEnd('/') + "/");
        return FlowTarget.Clients(
            () => factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = baseAddress, AllowAutoRedirect = false }),
            baseAddress.ToString(),
            $"in-process {typeof(TEntryPoint).Assembly.GetName().Name} at {baseAddress}");
    }
}
