using Pacer.Testing.Data;
using Pacer.Testing.Samples.Infrastructure;
using Xunit;

namespace Pacer.Testing.Samples;

/// <summary>
/// Issue 8, bullet "test data builders": seeded Bogus users, addresses, products and Storefront's
/// test cards — realistic enough that Storefront accepts them, reproducible from the seed.
/// </summary>
public sealed class TestDataSamples(StorefrontInProcess storefront) : IClassFixture<StorefrontInProcess>
{
    [Fact]
    public void The_same_seed_gives_the_same_data()
    {
        TestData first = new(seed: 42), second = new(seed: 42), other = new(seed: 7);

        Assert.Equal(first.User(), second.User());
        Assert.Equal(first.Address(), second.Address());
        Assert.Equal(first.Product(), second.Product());
        Assert.NotEqual(new TestData(42).User(), other.User());
    }

    [Fact]
    public void One_builder_never_repeats_a_username_or_an_email()
    {
        var data = new TestData(seed: 1);

        var users = Enumerable.Range(0, 50).Select(_ => data.User()).ToList();

        Assert.Equal(50, users.Select(u => u.Username).Distinct().Count());
        Assert.Equal(50, users.Select(u => u.Email).Distinct().Count());
        Assert.All(users, u => Assert.InRange(u.Username.Length, 3, 32));
    }

    [Fact]
    public void Addresses_products_and_cards_have_the_shapes_Storefront_validates()
    {
        var data = new TestData(seed: 3);

        var address = data.Address();
        var product = data.Product();
        var card = data.Card(CardOutcome.InsufficientFunds);

        Assert.Matches("^[A-Z]{2}$", address.Country);
        Assert.Matches("^[0-9]{5}$", address.PostalCode);
        Assert.InRange(product.Price, 1m, 500m);
        Assert.Equal(decimal.Round(product.Price, 2), product.Price);
        Assert.Equal("4000000000009995", card.Number);
        Assert.True(card.ExpYear > DateTime.UtcNow.Year);
    }

    [Fact]
    public void Test_card_numbers_are_Storefronts()
    {
        Assert.Equal("4242424242424242", TestCards.NumberFor(CardOutcome.Succeeds));
        Assert.Equal("4000000000000002", TestCards.NumberFor(CardOutcome.Declined));
        Assert.Equal("4000000000009995", TestCards.NumberFor(CardOutcome.InsufficientFunds));
        Assert.Equal("4000000000000119", TestCards.NumberFor(CardOutcome.ProviderError));
        Assert.Equal("4000000000000077", TestCards.NumberFor(CardOutcome.Slow));
    }

    /// <summary>The builders feed a flow through its variables: a fake shopper pays with each kind of test card.</summary>
    [Theory]
    [InlineData(CardOutcome.Succeeds, 201)]
    [InlineData(CardOutcome.Declined, 402)]
    [InlineData(CardOutcome.InsufficientFunds, 402)]
    public async Task A_fake_shopper_pays_with_a_test_card_and_gets_its_outcome(CardOutcome outcome, int expectedStatus)
    {
        var data = new TestData(seed: 100 + (int)outcome);
        var (user, address, card) = (data.User(), data.Address(), data.Card(outcome));

        var result = await Flow.Load("flows/payments/pay-with-card.flow.md").RunAsync(storefront.Target, new Dictionary<string, object?>
        {
            ["email"] = user.Email,
            ["username"] = user.Username,
            ["password"] = user.Password,
            ["full_name"] = user.FullName,
            ["ship_name"] = address.Name,
            ["ship_line1"] = address.Line1,
            ["ship_city"] = address.City,
            ["ship_postal_code"] = address.PostalCode,
            ["ship_country"] = address.Country,
            ["card_number"] = card.Number,
            ["card_exp_month"] = card.ExpMonth,
            ["card_exp_year"] = card.ExpYear,
            ["card_cvc"] = card.Cvc,
            ["expected_status"] = expectedStatus,
        }, TestContext.Current.CancellationToken);

        result.ShouldPass();
        Assert.Equal(expectedStatus, result.Step("Pay").Response?.Status);
    }
}
