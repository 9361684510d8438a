namespace Storefront.Api.Infrastructure.Overload;

/// <summary>
/// Endpoint metadata for an answer that stays open (Server-Sent Events, WebSocket): such a request would hold an overload
/// slot for as long as its viewer watches, so <see cref="OverloadProtectionMiddleware"/> lets it through, as it does the
/// paths in <see cref="OverloadProtectionMiddleware.ExemptPaths"/>.
/// </summary>
public sealed class LongLivedResponse;
