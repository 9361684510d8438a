using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Storefront.Api.Infrastructure.OpenApi;

/// <summary>
/// Query and header parameters get the rules their handlers enforce, from the attributes on the handler's
/// parameters (or, for <c>[AsParameters]</c> records, on the record's): [Required] makes a parameter required
/// (the Idempotency-Key header), [Range] and [StringLength] bound it (page, pageSize, q).
/// </summary>
public sealed class ParameterRulesTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.Parameters is null)
        {
            return Task.CompletedTask;
        }

        foreach (var description in context.Description.ParameterDescriptions)
        {
            var member = Member(description.ParameterDescriptor);
            var parameter = operation.Parameters.OfType<OpenApiParameter>()
                .FirstOrDefault(p => string.Equals(p.Name, description.Name, StringComparison.OrdinalIgnoreCase));
            if (member is null || parameter is null)
            {
                continue;
            }

            // Documented as the handlers read them: camelCase, case-insensitively.
            if (parameter.In == ParameterLocation.Query)
            {
                parameter.Name = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(parameter.Name!);
            }

            var required = member.GetCustomAttributes(typeof(RequiredAttribute), inherit: true).Length > 0;
            if (required)
            {
                parameter.Required = true;
            }

            if (parameter.Schema is OpenApiSchema schema)
            {
                RequestRulesSchemaTransformer.Apply(schema, member, required);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Where the parameter's attributes sit: the handler parameter, or the property of an [AsParameters] record.</summary>
    private static ICustomAttributeProvider? Member(Microsoft.AspNetCore.Mvc.Abstractions.ParameterDescriptor? descriptor) => descriptor switch
    {
        IParameterInfoParameterDescriptor { ParameterInfo: var parameter } when parameter.GetCustomAttributes(inherit: true).Length > 0 => parameter,
        IParameterInfoParameterDescriptor { ParameterInfo: var parameter } =>
            parameter.Member.DeclaringType?.GetProperty(parameter.Name ?? "", BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) as ICustomAttributeProvider ?? parameter,
        IPropertyInfoParameterDescriptor { PropertyInfo: var property } => property,
        _ => null,
    };
}
