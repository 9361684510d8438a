using System.IO.Compression;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Storefront.Api.Features.Experiments;
using Storefront.Api.Features.Personalisation;
using Storefront.Api.Features.Recommendations;
using Storefront.Api.Infrastructure.Auth;
using Storefront.Api.Infrastructure.Database;

namespace Storefront.Api.Features.Catalog;

public static class CatalogApi
{
    public static IServiceCollection AddCatalogFeature(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<IStorefrontSeeder, CatalogSeeder>();
        services.AddOptions<CatalogOptions>().BindConfiguration(CatalogOptions.Section);
        services.AddSingleton<CatalogCache>();
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
            .Personalised()
            .WithMetadata(new ExperimentShapedResponse())
            .Produces(StatusCodes.Status304NotModified);
        products.MapGet("/{id:guid}", GetProductAsync)
            .WithName("GetProduct")
            .Personalised()
            .CountsViewers()
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

        api.MapGet("/categories", ListCategoriesAsync).WithTags("Catalog").WithName("ListCategories").Personalised();
        return api;
    }

    public static async Task<Results<Ok<ProductPage>, StatusCodeHttpResult, ValidationProblem>> ListProductsAsync(
        [AsParameters] ProductQuery query,
        HttpContext context,
        StorefrontDbContext db,
        CatalogCache cache,
        IOptions<JsonOptions> json,
        CancellationToken cancellationToken)
    {
        // A shopper's segment picks the order when the query names none (see ShopperContext.DefaultSort).
        // Then the catalog-sort experiment (it counts an exposure and says X-Experiment only when it decided).
        query = query with { Sort = query.Sort ?? ShopperContexts.Of(context)?.DefaultSort ?? CatalogSortExperiment.SortFor(context) };
        var errors = query.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var generation = cache.Current;
        var key = query.CacheKey;
        if (!generation.TryGetPage(key, out var cached))
        {
            var page = await ProductPages.ReadAsync(db, query, cancellationToken);
            cached = new CachedPage(page, EntityTags.ForContent(page, json.Value.SerializerOptions, out var bytes));
            generation.StorePage(key, cached, bytes);
        }

        return EntityTags.MatchesClientCopy(context, cached.ETag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(cached.Page);
    }

    public static async Task<Results<Ok<ProductResponse>, StatusCodeHttpResult, ProblemHttpResult>> GetProductAsync(
        Guid id, HttpContext context, StorefrontDbContext db, CatalogCache cache, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var generation = cache.Current;
        if (!generation.TryGetProduct(id, out var cached))
        {
            var product = await db.Set<Product>().AsNoTracking().Include(p => p.Category)
                .FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
            if (product is null)
            {
                return ProductNotFound(id);
            }

            var response = ProductResponse.From(product);
            cached = new CachedProduct(response, EntityTags.ForProduct(product));
            generation.StoreProduct(cached, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(response, json.Value.SerializerOptions).Length);
        }

        return EntityTags.MatchesClientCopy(context, cached.ETag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(cached.Response);
    }

    public static async Task<Ok<List<CategoryResponse>>> ListCategoriesAsync(
        StorefrontDbContext db, CatalogCache cache, CancellationToken cancellationToken)
    {
        var generation = cache.Current;
        if (generation.Categories is not { } cached)
        {
            cached = new CachedCategories(await db.Set<Category>().AsNoTracking().OrderBy(c => c.Id)
                .Select(c => new CategoryResponse(c.Id, c.Name, c.Slug))
                .ToListAsync(cancellationToken));
            generation.StoreCategories(cached);
        }

        return TypedResults.Ok(cached.Items);
    }

    internal static ProblemHttpResult ProductNotFound(Guid id) =>
        TypedResults.Problem($"Product {id} does not exist.", statusCode: StatusCodes.Status404NotFound, title: "Product not found");
}
