namespace Pacer.Testing.Data;

/// <summary>A shopper to register: the fields of Storefront's <c>POST /auth/register</c>.</summary>
public sealed record FakeUser(string Email, string Username, string Password, string FullName);

/// <summary>A shipping address: <see cref="Country"/> is a two-letter ISO 3166 code in upper case.</summary>
public sealed record FakeAddress(string Name, string Line1, string? Line2, string City, string PostalCode, string Country);

/// <summary>A product to create: the fields of Storefront's admin product write request.</summary>
public sealed record FakeProduct(string Name, string Description, decimal Price, string Currency, int InitialStock);
