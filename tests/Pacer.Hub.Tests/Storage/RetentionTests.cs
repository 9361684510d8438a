using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pacer.Hub.Features.Retention;
using Pacer.Hub.Features.Runs;
using Pacer.Hub.Infrastructure.Database;
using Pacer.Hub.Tests.Infrastructure;
using Pacer.Hub.Tests.Runs;
using Pacer.TestSupport;

namespace Pacer.Hub.Tests.Storage;

/// <summary>Hub:Retention removes old runs, but never a project's baseline.</summary>
public sealed class RetentionTests
{
    [Fact]
    public async Task Runs_older_than_the_retention_are_removed_except_the_baseline()
    {
        await using var hub = await HubServer.StartAsync(new Dictionary<string, string> { ["Hub:Retention:RunDays"] = "30" });
        using var api = await HubApi.SignUpAsync(hub);
        var project = await api.CreateProjectAsync();
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await api.PostTextAsync($"api/v1/projects/{project}/runs", RunUploadTests.LoadFixture)).Data!["id"]!.GetValue<long>());
        }

        await api.PutAsync($"api/v1/projects/{project}/baseline", new { run_id = ids[0] });
        await using (var scope = hub.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var old = DateTime.UtcNow.AddDays(-31);
            await db.Set<Run>().Where(r => r.Id == ids[0] || r.Id == ids[1]).ExecuteUpdateAsync(s => s.SetProperty(r => r.StartedAt, old), TestContext.Current.CancellationToken);
        }

        var swept = await hub.Services.GetRequiredService<RetentionSweeper>().SweepAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, swept.Runs);
        var left = await api.GetAsync($"api/v1/projects/{project}/runs");
        Assert.Equal(new[] { ids[0], ids[2] }, left.Data!["items"]!.AsArray().Select(r => r!["id"]!.GetValue<long>()).Order());
    }
}
