using Pacer.Hub;
using Pacer.Hub.Infrastructure.Database;

var app = HubApp.Build(args);
await app.PrepareHubAsync();
await app.RunAsync();
