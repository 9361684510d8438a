using Pacer.Hub.Client;
using Pacer.Hub.Tests.Infrastructure;
using Pacer.Hub.Tests.Runs;
using Pacer.TestSupport;

namespace Pacer.Hub.Tests.Dashboard;

/// <summary>A run in progress: its page follows the progress over SSE, then shows the report when the result arrives.</summary>
public sealed class LiveRunBrowserTests
{
    [Fact]
    public async Task The_page_of_a_running_load_follows_its_progress_then_shows_the_report()
    {
        await using var hub = await HubServer.StartAsync();
        using var api = await HubApi.SignUpAsync(hub);
        var project = await api.CreateProjectAsync("Live");
        var slug = (await api.GetAsync($"api/v1/projects/{project}")).Data!["slug"]!.GetValue<string>();
        using var client = new HubClient(new Uri(hub.BaseUrl), api.Token);
        var live = await client.StartLiveRunAsync(project, "load", ["hub-api.flow.md"], "live-test", TestContext.Current.CancellationToken);

        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            await Browser.SignInAsync(page, hub.BaseUrl, api.Username, HubApi.Password);
            await page.GotoAsync($"{hub.BaseUrl}/p/{slug}/live");
            await page.ClickAsync($"a[href=\"/p/{slug}/runs/{live.Id}\"]");
            await page.WaitForSelectorAsync("[data-live-status]:has-text(\"following\")");

            await client.SendProgressAsync(project, live.Id, new HubProgress(0, 200, 0, 1.1, 4.2, 9.9, 3), TestContext.Current.CancellationToken);
            await client.SendProgressAsync(project, live.Id, new HubProgress(1, 201, 0, 1.2, 4.4, 9.7, 3), TestContext.Current.CancellationToken);
            await page.WaitForSelectorAsync("tr[data-second=\"1\"]");
            Assert.Equal(2, await page.Locator("[data-live-points] tr").CountAsync());
            Assert.Contains("p95 4.4 ms", await page.Locator("[data-live-status]").InnerTextAsync(), StringComparison.Ordinal);

            await client.FinishLiveRunAsync(project, live.Id, RunUploadTests.LoadFixture, TestContext.Current.CancellationToken);
            await page.WaitForSelectorAsync("[data-metric=p95]");
            Assert.Equal("completed", await page.Locator("[data-run-status]").GetAttributeAsync("data-run-status"));
        }
    }
}
