using System.IO.Compression;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Storefront.Api.Infrastructure.Auth;
using Storefront.Api.Infrastructure.Database;

namespace Storefront.Api.Features.Catalog;

public static class CatalogApi
{
    public static IServiceCollection AddCatalogFeature(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<IStorefrontSeeder, CatalogSeeder>();
        services.AddResponseCompression(options =>
        {
            // Public catalog JSON is the bulk of the traffic; nothing secret is reflected next to shopper input.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ["application/json", "application/problem+json"];
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.AddTransient<IStartupFilter, ResponseCompressionStartupFilter>();
        return services;
    }

    public static RouteGroupBuilder MapCatalogApi(this RouteGroupBuilder api)
    {
        var products = api.MapGroup("/products").WithTags("Catalog");
        products.MapGet("/", ListProductsAsync)
            .WithName("ListProducts")
            .Produces(StatusCodes.Status304NotModified);
        products.MapGet("/{id:guid}", GetProductAsync)
            .WithName("GetProduct")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);

        var admin = products.MapGroup("/")
            .RequireAuthorization(StorefrontClaims.AdminPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        admin.MapPost("/", ProductAdminEndpoints.CreateAsync).WithName("CreateProduct");
        admin.MapPut("/{id:guid}", ProductAdminEndpoints.UpdateAsync)
            .WithName("UpdateProduct")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        admin.MapDelete("/{id:guid}", ProductAdminEndpoints.DeleteAsync)
            .WithName("DeleteProduct")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/categories", ListCategoriesAsync).WithTags("Catalog").WithName("ListCategories");
        return api;
    }

    public static async Task<Results<Ok<ProductPage>, StatusCodeHttpResult, ValidationProblem>> ListProductsAsync(
        [AsParameters] ProductQuery query,
        HttpContext context,
        StorefrontDbContext db,
        IOptions<JsonOptions> json,
        CancellationToken cancellationToken)
    {
        var errors = query.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var products = db.Set<Product>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var term = query.Q.Trim().ToLowerInvariant();
            // ToLower + Contains is what EF translates to a case-insensitive match on both SQLite and PostgreSQL.
#pragma warning disable CA1862
            products = products.Where(p => p.Name.ToLower().Contains(term));
#pragma warning restore CA1862
        }

        if (!string.IsNullOrWhiteSpace(query.Category))
        {
            var category = query.Category.Trim();
            products = int.TryParse(category, System.Globalization.CultureInfo.InvariantCulture, out var categoryId)
                ? products.Where(p => p.CategoryId == categoryId)
                : products.Where(p => p.Category!.Slug == category);
        }

        if (query.MinPrice is { } min)
        {
            var minCents = Money.ToCents(min)!.Value;
            products = products.Where(p => p.PriceCents >= minCents);
        }

        if (query.MaxPrice is { } max)
        {
            var maxCents = Money.ToCents(max)!.Value;
            products = products.Where(p => p.PriceCents <= maxCents);
        }

        // The id tie-breaker keeps pages stable when many products share a price or name.
        products = query.Sort switch
        {
            "price" => products.OrderBy(p => p.PriceCents).ThenBy(p => p.Id),
            "-price" => products.OrderByDescending(p => p.PriceCents).ThenBy(p => p.Id),
            "-name" => products.OrderByDescending(p => p.Name).ThenBy(p => p.Id),
            "createdAt" => products.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id),
            "-createdAt" => products.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id),
            _ => products.OrderBy(p => p.Name).ThenBy(p => p.Id),
        };

        var page = query.PageOrDefault;
        var pageSize = query.PageSizeOrDefault;
        var total = await products.CountAsync(cancellationToken);
        var items = await products.Include(p => p.Category)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        var result = new ProductPage(
            items.Select(ProductResponse.From).ToList(), total, page, pageSize, (total + pageSize - 1) / pageSize);
        return EntityTags.MatchesClientCopy(context, EntityTags.ForContent(result, json.Value.SerializerOptions))
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(result);
    }

    public static async Task<Results<Ok<ProductResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetProductAsync(
        Guid id, HttpContext context, StorefrontDbContext db, CancellationToken cancellationToken)
    {
        var product = await db.Set<Product>().AsNoTracking().Include(p => p.Category)
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (product is null)
        {
            return ProductNotFound(id);
        }

        return EntityTags.MatchesClientCopy(context, EntityTags.ForProduct(product))
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(ProductResponse.From(product));
    }

    public static async Task<Ok<List<CategoryResponse>>> ListCategoriesAsync(StorefrontDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Set<Category>().AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new CategoryResponse(c.Id, c.Name, c.Slug))
            .ToListAsync(cancellationToken));

    internal static ProblemHttpResult ProductNotFound(Guid id) =>
        TypedResults.Problem($"Product {id} does not exist.", statusCode: StatusCodes.Status404NotFound, title: "Product not found");
}
