using System.ComponentModel.DataAnnotations;

namespace Storefront.Api.Infrastructure.Validation;

/// <summary>A number must be a whole multiple of <see cref="Factor"/> (money: 0.01, whole cents). JSON Schema's <c>multipleOf</c>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class MultipleOfAttribute(double factor) : ValidationAttribute("must be a multiple of {1}.")
{
    public decimal Factor { get; } = (decimal)factor;

    public override bool IsValid(object? value) => value switch
    {
        null => true,
        decimal d => d % Factor == 0,
        double d => (decimal)d % Factor == 0,
        int or long => true,
        _ => false,
    };

    public override string FormatErrorMessage(string name) => string.Format(System.Globalization.CultureInfo.InvariantCulture, ErrorMessageString, name, Factor);
}
