namespace Storefront.Api.Infrastructure.OpenApi;

/// <summary>
/// A value the document offers as the property's <c>example</c>, for a field whose valid values no schema can state
/// (a card number must also pass the Luhn check): clients and generated requests then start from one that works.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class ExampleAttribute(object value) : Attribute
{
    public object Value { get; } = value;
}
