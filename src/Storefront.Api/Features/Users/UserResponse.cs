namespace Storefront.Api.Features.Users;

/// <summary>A user as the API shows it: never a password or its hash.</summary>
public sealed record UserResponse(
    Guid Id, string Email, string Username, string? FullName, string Role, bool IsActive, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static UserResponse From(User user) =>
        new(user.Id, user.Email, user.Username, user.FullName, user.Role, user.IsActive, user.CreatedAt, user.UpdatedAt);
}
