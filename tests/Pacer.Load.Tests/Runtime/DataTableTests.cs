using Pacer.Load.Runtime;
using Xunit;

namespace Pacer.Load.Tests.Runtime;

public sealed class DataTableTests
{
    [Fact]
    public void Csv_rows_become_string_variables_with_quoted_fields()
    {
        var table = DataTable.FromCsv("users.csv", "name,note\r\nann,\"says \"\"hi\"\", twice\"\nbob,\n");

        Assert.Equal(2, table.Rows.Count);
        Assert.Equal("says \"hi\", twice", table.Rows[0]["note"]!.GetValue<string>());
        Assert.Equal("", table.Rows[1]["note"]!.GetValue<string>());
    }

    [Fact]
    public void Csv_row_with_the_wrong_number_of_fields_names_its_line()
    {
        var exception = Assert.Throws<LoadSettingsException>(() => DataTable.FromCsv("users.csv", "a,b\n1,2\n3\n"));

        Assert.Contains("users.csv:3", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_rows_keep_their_types()
    {
        var table = DataTable.FromJson("users.json", """[{"id": 7, "admin": true}]""");

        Assert.Equal(7, table.Rows[0]["id"]!.GetValue<int>());
        Assert.True(table.Rows[0]["admin"]!.GetValue<bool>());
        Assert.Throws<LoadSettingsException>(() => DataTable.FromJson("x.json", """{"id": 7}"""));
    }

    [Fact]
    public void Round_robin_wraps_and_unique_refuses_a_vu_without_a_row()
    {
        var table = DataTable.FromCsv("u.csv", "n\na\nb\n");

        Assert.Equal("a", table.RowFor(2, DataMode.RoundRobin)["n"]!.GetValue<string>());
        Assert.Equal("b", table.RowFor(1, DataMode.Unique)["n"]!.GetValue<string>());
        Assert.Throws<LoadSettingsException>(() => table.RowFor(2, DataMode.Unique));
    }
}
