using Microsoft.Playwright;
using Pacer.TestSupport;

namespace Pacer.Hub.Tests.Infrastructure;

/// <summary>Playwright driving Debian's Chromium by its path (no browser download here), headless.</summary>
internal static class Browser
{
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = HeadlessChromium.Executable(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
            Timeout = 60_000,
        });
        return (playwright, browser);
    }

    public static async Task SignInAsync(IPage page, string baseUrl, string username, string password)
    {
        await page.GotoAsync(baseUrl + "/login");
        await page.FillAsync("#username", username);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("[data-user]");
    }
}
