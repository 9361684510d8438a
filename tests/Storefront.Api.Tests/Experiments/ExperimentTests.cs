using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Storefront.Api.Features.Catalog;
using Storefront.Api.Features.Experiments;
using Storefront.Api.Tests.Orders;
using Xunit;

namespace Storefront.Api.Tests.Experiments;

/// <summary>catalog-sort at its default 50 %: stable per user, both variants in use, counted on /metrics.</summary>
public sealed class ExperimentTests(CommerceHost host) : IClassFixture<CommerceHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_user_always_gets_the_same_variant_and_users_are_split_between_both()
    {
        var variants = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var shopper = await host.NewShopperAsync();
            var seen = new HashSet<string>();
            for (var j = 0; j < 3; j++)
            {
                seen.Add(await VariantAsync(shopper));
            }

            variants.Add(Assert.Single(seen));
        }

        // 12 users all in one variant has a chance of 1 in 2,048 at 50 %.
        Assert.Contains("catalog-sort=control", variants);
        Assert.Contains("catalog-sort=treatment", variants);
    }

    [Fact]
    public async Task Treatment_lists_newest_first_control_by_name_and_an_explicit_sort_is_not_an_exposure()
    {
        var (control, treatment) = await OneOfEachAsync();

        var controlPage = await (await control.GetAsync("/api/v1/products?pageSize=10", Ct)).Content.ReadFromJsonAsync<ProductPage>(Ct);
        var treatmentPage = await (await treatment.GetAsync("/api/v1/products?pageSize=10", Ct)).Content.ReadFromJsonAsync<ProductPage>(Ct);
        var explicitSort = await treatment.GetAsync("/api/v1/products?pageSize=10&sort=name", Ct);
        var segment = new HttpRequestMessage(HttpMethod.Get, "/api/v1/products?pageSize=10");
        segment.Headers.Add("X-Shopper-Context", "segment=bargain");

        Assert.Equal(controlPage!.Items.Select(p => p.Name).Order(StringComparer.Ordinal), controlPage.Items.Select(p => p.Name), StringComparer.Ordinal);
        Assert.Equal(treatmentPage!.Items.Select(p => p.CreatedAt).OrderDescending(), treatmentPage.Items.Select(p => p.CreatedAt));
        Assert.False(explicitSort.Headers.Contains(Experiment.HeaderName));
        Assert.False((await treatment.SendAsync(segment, Ct)).Headers.Contains(Experiment.HeaderName));
    }

    [Fact]
    public async Task Exposures_and_conversions_are_counted_per_variant_on_metrics()
    {
        var (control, treatment) = await OneOfEachAsync();
        var product = await (await host.AdminAsync()).CreateProductAsync(10);
        var before = await MetricsAsync();

        await control.GetAsync("/api/v1/products", Ct);
        await treatment.GetAsync("/api/v1/products", Ct);
        await treatment.GetAsync("/api/v1/products", Ct);
        await treatment.PlaceOrderOkAsync(product.Id, 1);
        var after = await MetricsAsync();

        Assert.Equal(1, after["exposures|control"] - before["exposures|control"]);
        Assert.Equal(2, after["exposures|treatment"] - before["exposures|treatment"]);
        Assert.Equal(1, after["conversions|treatment"] - before["conversions|treatment"]);
        Assert.Equal(0, after["conversions|control"] - before["conversions|control"]);
    }

    private async Task<(HttpClient Control, HttpClient Treatment)> OneOfEachAsync()
    {
        HttpClient? control = null, treatment = null;
        for (var i = 0; i < 40 && (control is null || treatment is null); i++)
        {
            var shopper = await host.NewShopperAsync();
            if (await VariantAsync(shopper) == "catalog-sort=control")
            {
                control ??= shopper;
            }
            else
            {
                treatment ??= shopper;
            }
        }

        return (control!, treatment!);
    }

    private static async Task<string> VariantAsync(HttpClient shopper)
    {
        var response = await shopper.GetAsync("/api/v1/products?pageSize=1", Ct);
        Assert.Equal("private", response.Headers.CacheControl!.ToString());
        return Assert.Single(response.Headers.GetValues(Experiment.HeaderName));
    }

    internal static async Task<Dictionary<string, long>> MetricsAsync(CommerceHost host)
    {
        var text = await host.App.CreateClient().GetStringAsync("/metrics", Ct);
        return Regex.Matches(text, "^storefront_experiment_(exposures|conversions)_total\\{experiment=\"catalog-sort\",variant=\"(\\w+)\"\\} (\\d+)$", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value + "|" + m.Groups[2].Value, m => long.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture));
    }

    private Task<Dictionary<string, long>> MetricsAsync() => MetricsAsync(host);
}

/// <summary>The canary switch, on a host of its own (it changes the percentage for everyone).</summary>
public sealed class CanarySwitchTests(CommerceHost host) : IClassFixture<CommerceHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_admin_moves_users_to_the_new_behaviour_by_percentage_and_others_may_not()
    {
        var admin = await host.AdminAsync();
        var shoppers = new List<HttpClient>();
        for (var i = 0; i < 6; i++)
        {
            shoppers.Add(await host.NewShopperAsync());
        }

        var none = await admin.PutAsJsonAsync("/api/v1/experiments/catalog-sort", new { treatmentPercent = 0 }, Ct);
        Assert.Equal(0, (await none.OkAsync<ExperimentResponse>()).TreatmentPercent);
        Assert.All(await VariantsAsync(shoppers), v => Assert.Equal("catalog-sort=control", v));

        (await admin.PutAsJsonAsync("/api/v1/experiments/catalog-sort", new { treatmentPercent = 100 }, Ct)).EnsureSuccessStatusCode();
        Assert.All(await VariantsAsync(shoppers), v => Assert.Equal("catalog-sort=treatment", v));
        Assert.Contains("storefront_experiment_treatment_percent{experiment=\"catalog-sort\"} 100", await host.App.CreateClient().GetStringAsync("/metrics", Ct), StringComparison.Ordinal);

        var listed = await admin.GetFromJsonAsync<List<ExperimentResponse>>("/api/v1/experiments", Ct);
        Assert.Equal([new ExperimentResponse("catalog-sort", 100)], listed);
        Assert.Equal(HttpStatusCode.Forbidden, (await shoppers[0].PutAsJsonAsync("/api/v1/experiments/catalog-sort", new { treatmentPercent = 5 }, Ct)).StatusCode);
        Assert.Equal("experiment_not_found", (await (await admin.PutAsJsonAsync("/api/v1/experiments/nope", new { treatmentPercent = 5 }, Ct)).ProblemAsync(HttpStatusCode.NotFound)).GetProperty("code").GetString());
        await (await admin.PutAsJsonAsync("/api/v1/experiments/catalog-sort", new { treatmentPercent = 150 }, Ct)).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public void Raising_the_percentage_only_moves_control_users_into_treatment()
    {
        var users = Enumerable.Range(0, 2000).Select(i => Guid.NewGuid().ToString()).ToList();
        var at10 = users.Where(u => Experiment.Assign("canary", u, 10).Variant == Experiment.Treatment).ToHashSet();
        var at30 = users.Where(u => Experiment.Assign("canary", u, 30).Variant == Experiment.Treatment).ToHashSet();

        Assert.Subset(at30, at10);
        Assert.InRange(at10.Count, 140, 260);
        Assert.InRange(at30.Count, 510, 690);
    }

    private static async Task<List<string>> VariantsAsync(List<HttpClient> shoppers)
    {
        var variants = new List<string>();
        foreach (var shopper in shoppers)
        {
            variants.Add((await shopper.GetAsync("/api/v1/products?pageSize=1", Ct)).Headers.GetValues(Experiment.HeaderName).Single());
        }

        return variants;
    }
}
