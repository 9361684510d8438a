using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Storefront.Api.Features.Catalog;

/// <summary>A product category; the slug is what shoppers filter by.</summary>
public sealed class Category
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public required string Slug { get; set; }
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.ToTable("categories");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.Slug).HasMaxLength(100);
        builder.HasIndex(c => c.Slug).IsUnique();
    }
}
