using Storefront.Api.Features.Payments;
using Xunit;

namespace Storefront.Api.Tests.Payments;

public sealed class CardValidationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("4242424242424242", true)]
    [InlineData("4000000000000002", true)]
    [InlineData("5555555555554444", true)]
    [InlineData("378282246310005", true)]
    [InlineData("4242424242424241", false)]
    [InlineData("1234567812345678", false)]
    public void Luhn_accepts_valid_numbers_and_rejects_typos(string number, bool valid) =>
        Assert.Equal(valid, CardValidation.PassesLuhn(number));

    [Theory]
    [InlineData("4242424242424242", "visa")]
    [InlineData("5555555555554444", "mastercard")]
    [InlineData("2223003122003222", "mastercard")]
    [InlineData("378282246310005", "amex")]
    [InlineData("6011111111111117", "discover")]
    [InlineData("3566002020360505", "unknown")]
    public void Brand_follows_the_number_prefix(string number, string brand) =>
        Assert.Equal(brand, CardValidation.BrandOf(number));

    [Fact]
    public void A_card_expiring_this_month_is_still_valid_and_spaces_are_ignored()
    {
        var (card, errors) = CardValidation.Validate(new CreatePaymentRequest("card", new CardRequest("4242 4242-4242 4242", 11, 26, "123"), null));

        Assert.Empty(errors);
        Assert.Equal(("4242424242424242", 2026, "4242", "visa"), (card!.Number, card.ExpYear, card.Last4, card.Brand));
        Assert.False(card.IsExpiredAt(Now));
    }

    [Fact]
    public void Last_month_is_expired_yet_well_formed_and_amex_needs_four_cvc_digits()
    {
        var (expired, errors) = CardValidation.Validate(new CreatePaymentRequest("card", new CardRequest("4242424242424242", 10, 2026, "123"), null));
        var (_, amex) = CardValidation.Validate(new CreatePaymentRequest("card", new CardRequest("378282246310005", 1, 2030, "123"), null));

        Assert.Empty(errors);
        Assert.True(expired!.IsExpiredAt(Now));
        Assert.Equal(["card.cvc"], amex.Keys);
    }

    [Fact]
    public void Card_records_never_print_the_number()
    {
        var request = new CardRequest("4242424242424242", 1, 2030, "123");
        var card = new ValidCard("4242424242424242", 1, 2030, "123");

        Assert.DoesNotContain("4242424242424242", request.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("4242424242424242", card.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("123", card.ToString(), StringComparison.Ordinal);
    }
}
