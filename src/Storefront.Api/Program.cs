using Storefront.Api;
using Storefront.Api.Infrastructure.Database;

var app = StorefrontApp.Build(args);

await app.PrepareDatabaseAsync();
await app.RunAsync();

/// <summary>Visible to WebApplicationFactory in tests.</summary>
public partial class Program;
