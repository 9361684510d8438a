using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pacer.Hub.Features.Users;

/// <summary>A person who signs in to the Hub (the dashboard or the API).</summary>
public sealed class User
{
    public long Id { get; set; }

    public required string Username { get; set; }

    /// <summary>Argon2id PHC string; never leaves the server.</summary>
    public required string PasswordHash { get; set; }

    public string? DisplayName { get; set; }

    public string? Email { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.HasIndex(u => u.Username).IsUnique();
        builder.Property(u => u.Username).HasMaxLength(64);
        builder.Property(u => u.PasswordHash).HasMaxLength(200);
        builder.Property(u => u.DisplayName).HasMaxLength(100);
        builder.Property(u => u.Email).HasMaxLength(254);
    }
}
