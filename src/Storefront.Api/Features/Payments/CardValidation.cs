namespace Storefront.Api.Features.Payments;

/// <summary>A card that passed validation: the number is digits only.</summary>
public sealed record ValidCard(string Number, int ExpMonth, int ExpYear, string Cvc)
{
    public string Last4 => Number[^4..];

    public string Brand => CardValidation.BrandOf(Number);

    /// <summary>Valid through the last day of its expiry month.</summary>
    public bool IsExpiredAt(DateTimeOffset now) => (ExpYear * 12) + ExpMonth < (now.Year * 12) + now.Month;

    public override string ToString() => $"ValidCard {{ {Brand} ending {Last4} }}";
}

/// <summary>
/// Per-field card checks: method, Luhn, expiry month and year, CVC. Whether the card has expired is not a question
/// of the input but of the card: the payment is declined (402 expired_card, see <see cref="ValidCard.IsExpiredAt"/>),
/// as a card network declines it.
/// </summary>
public static class CardValidation
{
    public static (ValidCard? Card, Dictionary<string, string[]> Errors) Validate(CreatePaymentRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Method != "card")
        {
            errors["method"] = ["method must be \"card\"."];
        }

        var card = request.Card;
        if (card is null)
        {
            errors["card"] = ["card is required."];
            return (null, errors);
        }

        var number = new string((card.Number ?? "").Where(c => c is not (' ' or '-')).ToArray());
        if (number.Length is < 12 or > 19 || !number.All(char.IsAsciiDigit))
        {
            errors["card.number"] = ["number must be 12 to 19 digits."];
        }
        else if (!PassesLuhn(number))
        {
            errors["card.number"] = ["number is not a valid card number (checksum failed)."];
        }

        var year = card.ExpYear is >= 0 and < 100 ? card.ExpYear + 2000 : card.ExpYear;
        if (card.ExpMonth is not (>= 1 and <= 12))
        {
            errors["card.expMonth"] = ["expMonth must be between 1 and 12."];
        }

        if (year is null or > 2100)
        {
            errors["card.expYear"] = ["expYear must be a four-digit year."];
        }

        var cvcLength = BrandOf(number) == "amex" ? 4 : 3;
        if (card.Cvc is null || card.Cvc.Length != cvcLength || !card.Cvc.All(char.IsAsciiDigit))
        {
            errors["card.cvc"] = [$"cvc must be {cvcLength} digits."];
        }

        return errors.Count > 0
            ? (null, errors)
            : (new ValidCard(number, card.ExpMonth!.Value, year!.Value, card.Cvc!), errors);
    }

    public static bool PassesLuhn(string digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt && (d *= 2) > 9)
            {
                d -= 9;
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }

    public static string BrandOf(string number) => number switch
    {
        ['4', ..] => "visa",
        ['3', '4' or '7', ..] => "amex",
        ['5', >= '1' and <= '5', ..] => "mastercard",
        ['2', >= '2' and <= '7', ..] => "mastercard",
        ['6', '0', '1', '1', ..] or ['6', '5', ..] => "discover",
        _ => "unknown",
    };
}
