using Microsoft.Playwright;
using Pacer.Hub.Tests.Infrastructure;
using Pacer.Hub.Tests.Runs;
using Pacer.Load.Results;
using Pacer.Reports.Html;
using Pacer.TestSupport;

namespace Pacer.Hub.Tests.Dashboard;

/// <summary>In a real browser: sign in, open an uploaded run, read its p95 and SLA verdict from the rendered page; light and dark.</summary>
public sealed class RunPageBrowserTests
{
    [Fact]
    public async Task The_run_page_shows_the_p95_and_the_sla_verdict_of_an_uploaded_load_run()
    {
        await using var hub = await HubServer.StartAsync();
        using var api = await HubApi.SignUpAsync(hub);
        var project = await api.CreateProjectAsync("Checkout");
        var slug = (await api.GetAsync($"api/v1/projects/{project}")).Data!["slug"]!.GetValue<string>();
        await api.PostAsync($"api/v1/projects/{project}/api-specs", new { name = "Project", method = "GET", path = "/projects/{id}", sla_p95_ms = 50 });
        await api.PostAsync($"api/v1/projects/{project}/api-specs", new { name = "Profile", method = "GET", path = "/users/profile", sla_p95_ms = 100 });
        var uploaded = await api.PostTextAsync($"api/v1/projects/{project}/runs", RunUploadTests.LoadFixture);
        var runId = uploaded.Data!["id"]!.GetValue<long>();
        var file = LoadResultJson.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(RunUploadTests.LoadFixture)), "fixture");
        var step = file.Steps.Single(s => s.Name == "Read the project");

        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            await Browser.SignInAsync(page, hub.BaseUrl, api.Username, HubApi.Password);
            await page.GotoAsync($"{hub.BaseUrl}/p/{slug}/runs/{runId}");

            var row = page.Locator("tr[data-step=\"Read the project\"]");
            Assert.Equal(PageNumbers.Milliseconds(step.LatencyMs.P95), (await row.Locator("td[data-field=p95]").InnerTextAsync()).Trim());
            Assert.Equal("missed", await row.Locator("td[data-sla-verdict]").GetAttributeAsync("data-sla-verdict"));
            Assert.Contains("missed", await row.Locator("td[data-sla-verdict]").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal("met", await page.Locator("tr[data-step=\"Who am I\"] td[data-sla-verdict]").GetAttributeAsync("data-sla-verdict"));
            Assert.Equal(PageNumbers.Milliseconds(file.Summary.LatencyMs.P95), (await page.Locator("[data-metric=p95] .value").InnerTextAsync()).Trim());
            Assert.Equal(1, await page.Locator("figure[data-chart=latency]").CountAsync());
            Assert.Equal(1, await page.Locator("figure[data-chart=latency-distribution]").CountAsync());

            await KeepScreenshotAsync(page, "run-page-light.png");
            var light = await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Dark });
            var dark = await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
            Assert.NotEqual(light, dark);
            await KeepScreenshotAsync(page, "run-page-dark.png");

            await page.GotoAsync($"{hub.BaseUrl}/p/{slug}");
            Assert.Equal("missed", await page.Locator("tr[data-endpoint=\"GET /projects/{id}\"] td[data-sla-verdict]").GetAttributeAsync("data-sla-verdict"));
            await KeepScreenshotAsync(page, "project-page-dark.png");
        }
    }

    /// <summary>With PACER_HUB_SCREENSHOTS=DIR, keeps full-page screenshots there for a person to look at.</summary>
    private static async Task KeepScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("PACER_HUB_SCREENSHOTS") is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name), FullPage = true });
        }
    }

    [Fact]
    public async Task Someone_who_is_not_a_member_sees_no_such_project()
    {
        await using var hub = await HubServer.StartAsync();
        using var owner = await HubApi.SignUpAsync(hub);
        using var stranger = await HubApi.SignUpAsync(hub);
        var project = await owner.CreateProjectAsync("Private");
        var slug = (await owner.GetAsync($"api/v1/projects/{project}")).Data!["slug"]!.GetValue<string>();

        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            await Browser.SignInAsync(page, hub.BaseUrl, stranger.Username, HubApi.Password);
            var response = await page.GotoAsync($"{hub.BaseUrl}/p/{slug}");

            Assert.Equal(404, response!.Status);
            Assert.Equal(0, await page.Locator($"tr[data-project=\"{slug}\"]").CountAsync());
        }
    }
}
