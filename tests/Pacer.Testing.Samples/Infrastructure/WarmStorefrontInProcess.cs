using Xunit;

namespace Pacer.Testing.Samples.Infrastructure;

/// <summary>
/// A <see cref="StorefrontInProcess"/> that has already run the bundled flows once, results discarded.
/// Those flows assert on durations (<c>duration &lt; 1s</c>) written for a warmed-up server; a fresh
/// in-process one would otherwise spend its first order or login on JIT compilation.
/// </summary>
public sealed class WarmStorefrontInProcess : StorefrontInProcess
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var vars = new Dictionary<string, object?> { ["admin_password"] = AdminPassword };
        foreach (var path in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "flows", "storefront"), "*.flow.md"))
        {
            await Flow.Load(path).RunAsync(Target, vars, TestContext.Current.CancellationToken);
        }
    }
}
