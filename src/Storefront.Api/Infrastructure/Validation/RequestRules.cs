using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;

namespace Storefront.Api.Infrastructure.Validation;

/// <summary>
/// Checks a bound request body against the DataAnnotations rules on its type ([Required], [StringLength],
/// [RegularExpression], [Range], [Length], [AllowedValues], [DeniedValues]) — the same attributes
/// <see cref="OpenApi.RequestRulesSchemaTransformer"/> writes into the OpenAPI document, so what the document
/// promises and what the API enforces are one declaration. Nested request objects and lists are checked too, and
/// no string anywhere may hold a NUL character (PostgreSQL cannot store one). Keys are the JSON paths:
/// <c>email</c>, <c>shippingAddress.name</c>, <c>items[0].quantity</c>.
/// </summary>
public static class RequestRules
{
    public const string NoNulMessage = "must not contain NUL characters.";

    /// <param name="services">Handed to <see cref="IValidatableObject"/> checks (a clock, for a card's expiry).</param>
    public static Dictionary<string, string[]> Validate(object request, IServiceProvider? services = null)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        Collect(request, "", errors, depth: 0, services);
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Request types: records of this assembly (the bodies the endpoints bind).</summary>
    public static bool IsRequestType(Type type) =>
        type.Assembly == typeof(RequestRules).Assembly && type.IsClass && type != typeof(string);

    private static void Collect(object value, string prefix, Dictionary<string, List<string>> errors, int depth, IServiceProvider? services)
    {
        if (depth > 8)
        {
            return;
        }

        var results = new List<ValidationResult>();
        var context = new ValidationContext(value, services, items: null);
        if (!Validator.TryValidateObject(value, context, results, validateAllProperties: true) && value is IValidatableObject checks)
        {
            // The validator skips a type's own checks once an attribute failed; every error is reported at once here.
            results.AddRange(checks.Validate(context));
        }

        foreach (var result in results)
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty(""))
            {
                Add(errors, Path(prefix, member), result.ErrorMessage ?? "is invalid.");
            }
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var path = Path(prefix, property.Name);
            switch (property.GetValue(value))
            {
                case string text when text.Contains('\0', StringComparison.Ordinal):
                    Add(errors, path, NoNulMessage);
                    break;
                case string:
                    break;
                case IEnumerable list:
                    var index = 0;
                    foreach (var item in list)
                    {
                        if (item is string s && s.Contains('\0', StringComparison.Ordinal))
                        {
                            Add(errors, $"{path}[{index}]", NoNulMessage);
                        }
                        else if (item is not null && IsRequestType(item.GetType()))
                        {
                            Collect(item, $"{path}[{index}]", errors, depth + 1, services);
                        }

                        index++;
                    }

                    break;
                case { } nested when IsRequestType(nested.GetType()):
                    Collect(nested, path, errors, depth + 1, services);
                    break;
            }
        }
    }

    private static string Path(string prefix, string member)
    {
        var name = JsonNamingPolicy.CamelCase.ConvertName(member);
        return prefix.Length == 0 ? name : member.Length == 0 ? prefix : $"{prefix}.{name}";
    }

    private static void Add(Dictionary<string, List<string>> errors, string key, string message)
    {
        if (!errors.TryGetValue(key, out var list))
        {
            errors[key] = list = [];
        }

        if (!list.Contains(message))
        {
            list.Add(message);
        }
    }
}
