using Pacer.Contracts.Generation;

namespace Pacer.Contracts.Probing.Selection;

/// <summary>The operation a user logs in with: the one its login flow called, else the first that looks like a login.</summary>
public static class LoginOperation
{
    public static ApiOperation? Find(IEnumerable<ApiOperation> operations, ProbeUser? user)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var list = operations.ToList();
        if (user?.LoginRequest is { } request && Uri.TryCreate(request.Url, UriKind.Absolute, out var url))
        {
            var path = url.AbsolutePath.TrimEnd('/');
            var called = list.FirstOrDefault(o => string.Equals(o.Method.Method, request.Method, StringComparison.OrdinalIgnoreCase)
                && !o.Path.Contains('{', StringComparison.Ordinal) && path.EndsWith(o.Path.TrimEnd('/'), StringComparison.Ordinal));
            if (called is not null)
            {
                return called;
            }
        }

        return list.FirstOrDefault(OperationTraits.IsLogin);
    }
}
