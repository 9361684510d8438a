namespace Pacer.Contracts.Generation;

/// <summary>
/// The order a sweep calls operations in, so that what one answer holds can serve the next request: public lists first
/// (a create often needs an id from them: an order needs a product), then creates (what they make shows up in the
/// lists after), then the other lists, then reads of one item, then every other change, deletes last.
/// </summary>
public static class SweepOrder
{
    public static IReadOnlyList<ApiOperation> Of(IEnumerable<ApiOperation> operations, Func<ApiOperation, bool> isSecured)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(isSecured);
        return operations
            .Select((operation, index) => (operation, index))
            .OrderBy(o => Rank(o.operation, isSecured))
            .ThenBy(o => o.index)
            .Select(o => o.operation)
            .ToList();
    }

    private static int Rank(ApiOperation operation, Func<ApiOperation, bool> isSecured)
    {
        var read = operation.Method == HttpMethod.Get || operation.Method == HttpMethod.Head;
        var item = operation.Path.Contains('{', StringComparison.Ordinal);
        return (read, item) switch
        {
            (true, false) when !isSecured(operation) => 0,
            _ when UniqueValues.IsCreate(operation) => 1,
            (true, false) => 2,
            (true, true) => 3,
            _ when operation.Method == HttpMethod.Delete => 5,
            _ => 4,
        };
    }
}
