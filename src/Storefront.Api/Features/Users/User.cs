using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Storefront.Api.Features.Users;

/// <summary>An account: a shopper or an admin. Email and username are unique ignoring case.</summary>
public sealed class User
{
    public Guid Id { get; set; }

    public required string Email { get; set; }

    public required string NormalizedEmail { get; set; }

    public required string Username { get; set; }

    public required string NormalizedUsername { get; set; }

    public string? FullName { get; set; }

    public string PasswordHash { get; set; } = "";

    public required string Role { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public static string Normalize(string value) => value.Trim().ToUpperInvariant();
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Email).HasMaxLength(UserRules.MaxEmailLength);
        builder.Property(u => u.NormalizedEmail).HasMaxLength(UserRules.MaxEmailLength);
        builder.Property(u => u.Username).HasMaxLength(UserRules.MaxUsernameLength);
        builder.Property(u => u.NormalizedUsername).HasMaxLength(UserRules.MaxUsernameLength);
        builder.Property(u => u.FullName).HasMaxLength(UserRules.MaxFullNameLength);
        builder.Property(u => u.Role).HasMaxLength(32);
        builder.HasIndex(u => u.NormalizedEmail).IsUnique();
        builder.HasIndex(u => u.NormalizedUsername).IsUnique();
        builder.HasIndex(u => u.IsActive);
    }
}
