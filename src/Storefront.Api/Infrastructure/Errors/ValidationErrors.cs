namespace Storefront.Api.Infrastructure.Errors;

/// <summary>Collects per-field messages for a 400 validation problem; field names are the JSON (camelCase) names.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public ValidationErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
        return this;
    }

    public ValidationErrors Require(string field, string? value, int maxLength = 256)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required.");
        }
        else if (value.Length > maxLength)
        {
            Add(field, $"must be at most {maxLength} characters.");
        }

        return this;
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
