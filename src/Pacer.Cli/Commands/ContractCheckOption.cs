using Pacer.Contracts.Contract;
using Pacer.Contracts.OpenApi;
using Pacer.Contracts.Validation;

namespace Pacer.Cli.Commands;

/// <summary><c>pacer run --openapi SPEC</c>: the document loaded into a response check, or why it could not be.</summary>
internal sealed record ContractCheckOption(OpenApiResponseCheck? Check, string? Error)
{
    /// <summary>Null when no document was asked for.</summary>
    public static async Task<ContractCheckOption?> LoadAsync(string? path, PacerContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        try
        {
            var spec = await OpenApiSpec.LoadFileAsync(Path.GetFullPath(path, context.CurrentDirectory), cancellationToken).ConfigureAwait(false);
            return new ContractCheckOption(new OpenApiResponseCheck(new ResponseValidator(spec)), null);
        }
        catch (OpenApiLoadException exception)
        {
            return new ContractCheckOption(null, exception.Message);
        }
    }
}
