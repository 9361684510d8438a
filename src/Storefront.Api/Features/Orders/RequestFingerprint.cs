using System.Security.Cryptography;
using System.Text.Json;

namespace Storefront.Api.Features.Orders;

/// <summary>
/// The hash stored beside an idempotency key: a replay must carry the same request, so the
/// bound request (not its raw bytes, which may differ in whitespace or key order) is hashed.
/// </summary>
public static class RequestFingerprint
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Of<T>(T request) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, Json)));
}
