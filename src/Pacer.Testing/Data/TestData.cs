using System.Globalization;
using Bogus;

namespace Pacer.Testing.Data;

/// <summary>
/// Realistic test data from Bogus, seeded: the same seed gives the same users, addresses, products
/// and cards in the same order, so a failing test can be replayed exactly. Use a different seed per
/// test class when they share one database (usernames and emails must be unique there), or
/// <see cref="WithRandomSeed"/> and print <see cref="Seed"/> on failure.
/// </summary>
public sealed class TestData
{
    private static readonly string[] Countries = ["US", "GB", "DE", "FR", "NL", "SE", "CA", "AU", "JP", "ES"];

    private readonly Faker _faker;
    private int _users;

    public TestData(int seed)
    {
        Seed = seed;
        _faker = new Faker("en") { Random = new Randomizer(seed) };
    }

    public int Seed { get; }

    public static TestData WithRandomSeed() => new(Random.Shared.Next());

    /// <summary>A shopper with a plausible name; the username and email carry a counter and a tag, so one instance never repeats them.</summary>
    public FakeUser User(string? password = null)
    {
        var n = ++_users;
        var first = _faker.Name.FirstName();
        var last = _faker.Name.LastName();
        var tag = _faker.Random.AlphaNumeric(6);
        var username = Slug($"{first}.{last}") is var slug && slug.Length > 20 ? slug[..20] : slug;
        username = $"{username}{n}_{tag}";
        return new FakeUser(
            Email: $"{username}@example.test",
            Username: username,
            Password: password ?? _faker.Internet.Password(16, memorable: false, prefix: "Aa1-"),
            FullName: $"{first} {last}");
    }

    public FakeAddress Address() =>
        new(
            Name: _faker.Name.FullName(),
            Line1: _faker.Address.StreetAddress(),
            Line2: _faker.Random.Bool(0.3f) ? _faker.Address.SecondaryAddress() : null,
            City: _faker.Address.City(),
            PostalCode: _faker.Address.ZipCode("#####"),
            Country: _faker.PickRandom(Countries));

    /// <summary>A product priced between 1.00 and 500.00 (two decimals), with stock to sell.</summary>
    public FakeProduct Product(string currency = "USD") =>
        new(
            Name: _faker.Commerce.ProductName(),
            Description: _faker.Commerce.ProductDescription(),
            Price: Math.Round(_faker.Random.Decimal(1m, 500m), 2),
            Currency: currency,
            InitialStock: _faker.Random.Int(5, 200));

    /// <summary>A card the simulated provider treats as <paramref name="outcome"/>, with a future expiry.</summary>
    public TestCard Card(CardOutcome outcome = CardOutcome.Succeeds) =>
        new(
            TestCards.NumberFor(outcome),
            outcome,
            ExpMonth: _faker.Random.Int(1, 12),
            ExpYear: DateTime.UtcNow.Year + _faker.Random.Int(1, 5),
            Cvc: _faker.Random.Int(100, 999).ToString(CultureInfo.InvariantCulture));

    private static string Slug(string text) =>
        new([.. text.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c == '.')]);
}
