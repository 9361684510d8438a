using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Storefront.Api.Infrastructure.Database;
using Storefront.Api.Tests.Orders;
using Xunit;
using Cards = Storefront.Api.Features.Payments.SimulatedPaymentProvider.Cards;

namespace Storefront.Api.Tests.Payments;

public sealed class CardDataExposureTests(CommerceHost host) : IClassFixture<CommerceHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Full_card_numbers_appear_in_no_response_and_no_database_row()
    {
        var product = await (await host.AdminAsync()).CreateProductAsync(50);
        var shopper = await host.ShopperAsync();
        var cards = new[] { Cards.Succeeds, Cards.Declined, Cards.InsufficientFunds, Cards.ProviderError, "5555555555554444" };
        var bodies = new List<string>();
        foreach (var card in cards)
        {
            var order = await shopper.PlaceOrderOkAsync(product.Id, 1);
            var key = Guid.NewGuid().ToString();
            var first = await shopper.PayAsync(order.Id, card, key);
            var replay = await shopper.PayAsync(order.Id, card, key);
            bodies.Add(await first.Content.ReadAsStringAsync(Ct));
            bodies.Add(await replay.Content.ReadAsStringAsync(Ct));
            Assert.NotEqual(HttpStatusCode.BadRequest, first.StatusCode);
        }

        bodies.Add(await shopper.GetStringAsync("/api/v1/orders?pageSize=100", Ct));
        var rows = await host.App.WithDbAsync(DumpAllRowsAsync);

        Assert.True(rows.Count > 1000, $"only {rows.Count} values scanned");
        Assert.Contains(rows, value => value == "4444");
        foreach (var card in cards)
        {
            Assert.DoesNotContain(bodies, body => body.Contains(card, StringComparison.Ordinal));
            Assert.DoesNotContain(rows, value => value.Contains(card, StringComparison.Ordinal));
        }
    }

    /// <summary>Every value of every table, as text, read straight from the database.</summary>
    private static async Task<List<string>> DumpAllRowsAsync(StorefrontDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = db.Database.IsSqlite()
                ? "SELECT name FROM sqlite_master WHERE type = 'table'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()";
            await using var reader = await list.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                tables.Add(reader.GetString(0));
            }
        }

        var values = new List<string>();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using DbDataReader reader = await select.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    values.Add(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "");
                }
            }
        }

        return values;
    }
}
