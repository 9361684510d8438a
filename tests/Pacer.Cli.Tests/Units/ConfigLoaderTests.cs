using System.Text.Json;
using Pacer.Core.Configuration;
using Xunit;

namespace Pacer.Cli.Tests.Units;

public sealed class ConfigLoaderTests
{
    [Fact]
    public void Reads_environments_with_typed_variables()
    {
        var loaded = ConfigLoader.Parse("c.yaml", """
            active_env: dev
            environments:
              - name: dev
                base_url: http://127.0.0.1:5080
                variables:
                  retries: 3
                  ratio: 0.5
                  enabled: true
                  nothing: ~
                  quoted: "3"
                  user: admin
            """);

        var dev = loaded.Config!.Find("dev")!;
        Assert.Equal("dev", loaded.Config.ActiveEnv);
        Assert.Equal("http://127.0.0.1:5080", dev.BaseUrl);
        Assert.Equal(JsonValueKind.Number, dev.Variables["retries"]!.GetValueKind());
        Assert.Equal(0.5, dev.Variables["ratio"]!.GetValue<double>());
        Assert.Equal(JsonValueKind.True, dev.Variables["enabled"]!.GetValueKind());
        Assert.Null(dev.Variables["nothing"]);
        Assert.Equal(JsonValueKind.String, dev.Variables["quoted"]!.GetValueKind());
        Assert.Equal("admin", dev.Variables["user"]!.GetValue<string>());
    }

    [Fact]
    public void Reads_an_environments_tls_block_with_paths_relative_to_the_project_folder()
    {
        var config = Path.Combine(Path.GetTempPath(), "project", ".pacer", "config.yaml");
        var loaded = ConfigLoader.Parse(config, """
            environments:
              - name: staging
                base_url: https://staging.example.com
                tls:
                  ca_cert: certs/ca.pem
                  cert: /abs/client.pem
                  key: certs/client.key
                  insecure: true
            """);

        var tls = loaded.Config!.Find("staging")!.Tls!;
        Assert.Equal(Path.Combine(Path.GetTempPath(), "project", "certs", "ca.pem"), tls.CaCertificate);
        Assert.Equal("/abs/client.pem", tls.Certificate);
        Assert.Equal(Path.Combine(Path.GetTempPath(), "project", "certs", "client.key"), tls.Key);
        Assert.True(tls.Insecure);
    }

    [Fact]
    public void An_unknown_tls_setting_is_a_diagnostic()
    {
        var loaded = ConfigLoader.Parse("c.yaml", "environments:\n  - name: dev\n    tls:\n      cacert: x.pem\n");
        Assert.Null(loaded.Config);
        Assert.Contains("unknown tls setting 'cacert'", loaded.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Syntax_error_is_a_diagnostic_with_line_and_column()
    {
        var loaded = ConfigLoader.Parse("c.yaml", "environments:\n  - name: dev\n     base_url: x\n");

        Assert.Null(loaded.Config);
        Assert.Equal("c.yaml", loaded.Error!.Span.File);
        Assert.Equal(3, loaded.Error.Span.Line);
        Assert.True(loaded.Error.Span.Column > 0);
        Assert.Equal(ConfigLoader.ErrorCode, loaded.Error.Code);
    }

    [Theory]
    [InlineData("environments: 5\n", "'environments' must be a list")]
    [InlineData("environments:\n  - base_url: x\n", "needs a 'name'")]
    [InlineData("- a\n- b\n", "must be a mapping")]
    public void Wrong_shapes_are_explained(string text, string message)
    {
        var loaded = ConfigLoader.Parse("c.yaml", text);

        Assert.Contains(message, loaded.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_file_is_an_empty_config()
    {
        Assert.Empty(ConfigLoader.Parse("c.yaml", "").Config!.Environments);
    }

    [Fact]
    public void Selection_prefers_env_option_then_flow_env_then_active_env()
    {
        var config = ConfigLoader.Parse("c.yaml", "active_env: a\nenvironments:\n  - name: a\n  - name: b\n  - name: c\n").Config!;

        Assert.Equal("c", EnvironmentSelector.Select(config, "c", "b")!.Name);
        Assert.Equal("b", EnvironmentSelector.Select(config, null, "b")!.Name);
        Assert.Equal("a", EnvironmentSelector.Select(config, null, "unknown")!.Name);
        Assert.Null(EnvironmentSelector.Validate(config, "b"));
        Assert.Contains("unknown environment 'z'", EnvironmentSelector.Validate(config, "z"), StringComparison.Ordinal);
    }

    [Fact]
    public void Locator_prefers_pacer_over_kest_and_searches_upward()
    {
        var root = Path.Combine(Path.GetTempPath(), "pacer-config-tests", Guid.NewGuid().ToString("N"));
        var deep = Directory.CreateDirectory(Path.Combine(root, "a", "b")).FullName;
        Directory.CreateDirectory(Path.Combine(root, ".kest"));
        File.WriteAllText(Path.Combine(root, ".kest", "config.yaml"), "");
        try
        {
            Assert.Equal(Path.Combine(root, ".kest", "config.yaml"), ConfigLocator.Find(deep, deep));
            Directory.CreateDirectory(Path.Combine(root, "a", ".pacer"));
            File.WriteAllText(Path.Combine(root, "a", ".pacer", "config.yaml"), "");
            Assert.Equal(Path.Combine(root, "a", ".pacer", "config.yaml"), ConfigLocator.Find(deep, deep));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
