namespace Pacer.Cli.Tests.Probe;

/// <summary>Login flows written to a temporary folder, as a user would pass them to <c>--login</c>.</summary>
internal sealed class ProbeFlows : IDisposable
{
    public ProbeFlows()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("pacer-probe-").FullName;
    }

    public string Directory { get; }

    public string Write(string name, string text)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A login flow: POST the JSON body to the path, capture <c>token</c> from the given field.</summary>
    public string Login(string name, string path, string body, string tokenField) => Write(name, $$"""
        # Log in as {{name}}

        ```kest
        POST {{path}}
        Content-Type: application/json

        {{body}}

        [Captures]
        token: {{tokenField}}

        [Asserts]
        status == 200
        ```
        """);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
