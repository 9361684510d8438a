using Storefront.Api.Features.Admin;
using Storefront.Api.Features.Auth;
using Storefront.Api.Features.Catalog;
using Storefront.Api.Features.Inventory;
using Storefront.Api.Features.Orders;
using Storefront.Api.Features.Payments;
using Storefront.Api.Features.Users;
using Storefront.Api.Infrastructure;
using Storefront.Api.Infrastructure.Database;

var builder = WebApplication.CreateBuilder(args);

// Platform: database, auth, problem+json, request ids, limits, metrics, OpenAPI, health.
builder.AddStorefrontPlatform();

builder.Services.AddAuthFeature();
builder.Services.AddUsersFeature();
builder.Services.AddAdminFeature();
builder.Services.AddCatalogFeature();
builder.Services.AddInventoryFeature();
builder.Services.AddOrdersFeature();
builder.Services.AddPaymentsFeature();

var app = builder.Build();

app.UseStorefrontPlatform();

var api = app.MapGroup("/api/v1");
api.MapAuthApi();
api.MapUsersApi();
api.MapAdminApi();
api.MapCatalogApi();
api.MapInventoryApi();
api.MapOrdersApi();
api.MapPaymentsApi();

await app.PrepareDatabaseAsync();
await app.RunAsync();

/// <summary>Visible to WebApplicationFactory in tests and to Pacer's embedded demo.</summary>
public partial class Program;
