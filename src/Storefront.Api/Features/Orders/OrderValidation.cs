namespace Storefront.Api.Features.Orders;

/// <summary>Per-field checks of a new order and of the Idempotency-Key header.</summary>
public static class OrderValidation
{
    public const int MaxIdempotencyKeyLength = 200;

    /// <summary>Printable ASCII without spaces.</summary>
    public const string IdempotencyKeyPattern = "^[!-~]+$";
    public const int MaxLines = 50;
    public const int MaxQuantity = 1000;

    /// <summary>Null when the key is usable, otherwise why not.</summary>
    public static string? CheckIdempotencyKey(string? key) => key switch
    {
        null or "" => "The Idempotency-Key header is required: send a unique value (e.g. a UUID) per intended operation.",
        { Length: > MaxIdempotencyKeyLength } => $"The Idempotency-Key header must be at most {MaxIdempotencyKeyLength} characters.",
        _ when key.Any(c => c is < '!' or > '~') => "The Idempotency-Key header must be printable ASCII without spaces.",
        _ => null,
    };

    public static Dictionary<string, string[]> Validate(PlaceOrderRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Items is not { Count: > 0 })
        {
            errors["items"] = ["items must contain at least one line."];
        }
        else if (request.Items.Count > MaxLines)
        {
            errors["items"] = [$"items must contain at most {MaxLines} lines."];
        }
        else
        {
            for (var i = 0; i < request.Items.Count; i++)
            {
                var line = request.Items[i];
                if (line is null)
                {
                    errors[$"items[{i}]"] = ["A line is required."];
                    continue;
                }

                if (line.ProductId == Guid.Empty)
                {
                    errors[$"items[{i}].productId"] = ["productId is required."];
                }

                if (line.Quantity is < 1 or > MaxQuantity)
                {
                    errors[$"items[{i}].quantity"] = [$"quantity must be between 1 and {MaxQuantity}."];
                }
            }
        }

        var address = request.ShippingAddress;
        if (address is null)
        {
            errors["shippingAddress"] = ["shippingAddress is required."];
            return errors;
        }

        Require(errors, "shippingAddress.name", address.Name, 200);
        Require(errors, "shippingAddress.line1", address.Line1, 200);
        Require(errors, "shippingAddress.city", address.City, 100);
        Require(errors, "shippingAddress.postalCode", address.PostalCode, 20);
        if (address.Line2 is { Length: > 200 })
        {
            errors["shippingAddress.line2"] = ["line2 must be at most 200 characters."];
        }

        if (address.Country is not { Length: 2 } country || !country.All(char.IsAsciiLetterUpper))
        {
            errors["shippingAddress.country"] = ["country must be a two-letter ISO 3166 code in upper case, e.g. US."];
        }

        return errors;
    }

    private static void Require(Dictionary<string, string[]> errors, string field, string? value, int maxLength)
    {
        var name = field[(field.LastIndexOf('.') + 1)..];
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [$"{name} is required."];
        }
        else if (value.Length > maxLength)
        {
            errors[field] = [$"{name} must be at most {maxLength} characters."];
        }
    }
}
