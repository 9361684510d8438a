using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace Storefront.Api.Features.Catalog;

/// <summary>Strong ETags for catalog responses and the If-None-Match check.</summary>
internal static class EntityTags
{
    public static EntityTagHeaderValue ForProduct(Product product) =>
        new($"\"p-{product.Id:N}-{product.Version}\"");

    /// <summary>A list has no single row version, so its tag is a hash of exactly what is sent.</summary>
    public static EntityTagHeaderValue ForContent<T>(T value, JsonSerializerOptions json) => ForContent(value, json, out _);

    /// <summary>The tag, and the serialised size (what the catalog cache charges the entry).</summary>
    public static EntityTagHeaderValue ForContent<T>(T value, JsonSerializerOptions json, out int bytes)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(value, json);
        bytes = body.Length;
        var hash = SHA256.HashData(body);
        return new($"\"l-{Convert.ToHexStringLower(hash.AsSpan(0, 16))}\"");
    }

    /// <summary>Sets the ETag header and tells whether the client's copy is current (→ 304).</summary>
    public static bool MatchesClientCopy(HttpContext context, EntityTagHeaderValue tag)
    {
        tag = Personalisation.ShopperContexts.Tag(context, tag);
        context.Response.Headers.ETag = tag.ToString();
        var ifNoneMatch = context.Request.GetTypedHeaders().IfNoneMatch;
        return ifNoneMatch.Any(candidate => candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(tag, useStrongComparison: false));
    }
}
