namespace Storefront.Api.Features.Catalog;

/// <summary>Per-field checks of an admin product write; an empty result means valid.</summary>
public static class ProductValidation
{
    public static Dictionary<string, string[]> Validate(ProductWriteRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors["name"] = ["name is required."];
        }
        else if (request.Name.Length > Money.MaxNameLength)
        {
            errors["name"] = [$"name must be at most {Money.MaxNameLength} characters."];
        }

        if (request.Description is { Length: > 2000 })
        {
            errors["description"] = ["description must be at most 2000 characters."];
        }

        if (request.CategoryId is null)
        {
            errors["categoryId"] = ["categoryId is required."];
        }

        if (request.Price is null)
        {
            errors["price"] = ["price is required."];
        }
        else if (request.Price <= 0 || Money.ToCents(request.Price.Value) is null || request.Price > 1_000_000m)
        {
            errors["price"] = ["price must be greater than 0, at most 1000000, with at most two decimals."];
        }

        if (request.Currency is not null && (request.Currency.Length != 3 || !request.Currency.All(char.IsAsciiLetterUpper)))
        {
            errors["currency"] = ["currency must be a three-letter ISO 4217 code in upper case, e.g. USD."];
        }

        if (request.InitialStock is < 0 or > 1_000_000)
        {
            errors["initialStock"] = ["initialStock must be between 0 and 1000000."];
        }

        return errors;
    }
}
