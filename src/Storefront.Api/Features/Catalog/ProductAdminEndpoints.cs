using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Storefront.Api.Features.Inventory;
using Storefront.Api.Infrastructure.Database;

namespace Storefront.Api.Features.Catalog;

/// <summary>Admin create, replace and archive of products.</summary>
internal static class ProductAdminEndpoints
{
    public static async Task<Results<Created<ProductResponse>, ValidationProblem>> CreateAsync(
        ProductWriteRequest request, StorefrontDbContext db, CatalogCache cache, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = ProductValidation.Validate(request);
        var category = await FindCategoryAsync(db, request.CategoryId, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var now = time.UtcNowForStorage();
        var product = new Product
        {
            Id = Guid.CreateVersion7(),
            Name = request.Name!.Trim(),
            Description = request.Description ?? "",
            CategoryId = category!.Id,
            Category = category,
            PriceCents = Money.ToCents(request.Price!.Value)!.Value,
            Currency = request.Currency ?? Money.DefaultCurrency,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Add(product);
        db.Add(new StockItem { ProductId = product.Id, Available = request.InitialStock ?? 0 });
        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate();
        return TypedResults.Created($"/api/v1/products/{product.Id}", ProductResponse.From(product));
    }

    public static async Task<Results<Ok<ProductResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id,
        ProductWriteRequest request,
        HttpContext context,
        StorefrontDbContext db,
        CatalogCache cache,
        InventoryEventFeed events,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var errors = ProductValidation.Validate(request);
        errors.Remove("initialStock");
        var category = await FindCategoryAsync(db, request.CategoryId, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var product = await db.Set<Product>().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (product is null)
        {
            return CatalogApi.ProductNotFound(id);
        }

        // If-Match makes the replace conditional on the version the admin last saw.
        var ifMatch = context.Request.GetTypedHeaders().IfMatch;
        if (ifMatch.Count > 0 && !ifMatch.Any(tag => tag.Compare(EntityTags.ForProduct(product), useStrongComparison: true)))
        {
            return StaleVersion(id);
        }

        var oldPrice = (product.PriceCents, product.Currency);
        product.Name = request.Name!.Trim();
        product.Description = request.Description ?? "";
        product.CategoryId = category!.Id;
        product.Category = category;
        product.PriceCents = Money.ToCents(request.Price!.Value)!.Value;
        product.Currency = request.Currency ?? Money.DefaultCurrency;
        product.UpdatedAt = time.UtcNowForStorage();
        product.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return StaleVersion(id);
        }

        cache.Invalidate();

        if (oldPrice != (product.PriceCents, product.Currency))
        {
            events.Publish(new PriceChanged(product.Id, Money.FromCents(product.PriceCents), product.Currency));
        }

        context.Response.Headers.ETag = EntityTags.ForProduct(product).ToString();
        return TypedResults.Ok(ProductResponse.From(product));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, StorefrontDbContext db, CatalogCache cache, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.UtcNowForStorage();
        var archived = await db.Set<Product>()
            .Where(p => p.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.DeletedAt, now).SetProperty(p => p.Version, p => p.Version + 1), cancellationToken);
        if (archived == 0)
        {
            return CatalogApi.ProductNotFound(id);
        }

        cache.Invalidate();
        return TypedResults.NoContent();
    }

    private static async Task<Category?> FindCategoryAsync(
        StorefrontDbContext db, int? categoryId, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        if (categoryId is null)
        {
            return null;
        }

        var category = await db.Set<Category>().FirstOrDefaultAsync(c => c.Id == categoryId, cancellationToken);
        if (category is null)
        {
            errors["categoryId"] = [$"Category {categoryId} does not exist."];
        }

        return category;
    }

    private static ProblemHttpResult StaleVersion(Guid id) => TypedResults.Problem(
        $"Product {id} changed since it was read; fetch it again and retry.",
        statusCode: StatusCodes.Status412PreconditionFailed,
        title: "Product was modified");
}
