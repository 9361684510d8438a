using System.Reflection;
using Pacer.Core.Flow;
using Xunit;

namespace Pacer.Core.Tests.Flow;

/// <summary>Codes are a public contract: each is unique, well-formed and documented with an example.</summary>
public class DiagnosticCatalogueTests
{
    private static readonly string[] Codes =
    [
        .. typeof(DiagnosticCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!),
    ];

    [Fact]
    public void Codes_are_unique_and_numbered_pacer_nnn()
    {
        Assert.Equal(Codes.Length, Codes.Distinct().Count());
        Assert.All(Codes, code => Assert.Matches("^PACER[0-9]{3}$", code));
    }

    [Fact]
    public void Every_code_is_documented_in_docs_diagnostics_md()
    {
        var docs = File.ReadAllText(FindDocs());

        Assert.All(Codes, code => Assert.Contains($"### {code} ", docs, StringComparison.Ordinal));
    }

    private static string FindDocs()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "docs", "diagnostics.md");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("docs/diagnostics.md not found above " + AppContext.BaseDirectory);
    }
}
