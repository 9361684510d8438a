namespace Pacer.Reports.Console;

/// <summary>ANSI colours, or plain text when output is not a terminal or NO_COLOR is set.</summary>
public sealed class ConsoleStyle(bool useColor)
{
    public bool UseColor { get; } = useColor;

    public string Green(string text) => Paint("32", text);

    public string Red(string text) => Paint("31", text);

    public string Yellow(string text) => Paint("33", text);

    public string Dim(string text) => Paint("2", text);

    public string Bold(string text) => Paint("1", text);

    /// <summary>Colour only for a terminal that has not opted out (https://no-color.org).</summary>
    public static bool ShouldColor(bool outputIsTerminal, Func<string, string?> environment) =>
        outputIsTerminal && string.IsNullOrEmpty(environment("NO_COLOR"));

    private string Paint(string code, string text) => UseColor ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
