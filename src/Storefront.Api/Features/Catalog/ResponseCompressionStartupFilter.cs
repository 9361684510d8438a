namespace Storefront.Api.Features.Catalog;

/// <summary>
/// Puts response compression first in the pipeline without touching Program.cs, so the catalog's
/// JSON (and every other JSON response) is sent br/gzip when the client asks.
/// </summary>
internal sealed class ResponseCompressionStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseResponseCompression();
        next(app);
    };
}
