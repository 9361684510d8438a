using Pacer.Core.Flow.Syntax;

namespace Pacer.Core.Flow;

/// <summary>A position within one line of text that knows its file column, for precise diagnostics.</summary>
internal sealed class LineCursor(string text, int line, int column, ParseContext context)
{
    public string Text { get; } = text;

    public int Line { get; } = line;

    /// <summary>The file column of <see cref="Text"/>'s first character.</summary>
    public int Column { get; } = column;

    public ParseContext Context { get; } = context;

    public int Position { get; set; }

    public bool AtEnd => Position >= Text.Length;

    public char Peek(int ahead = 0) => Position + ahead < Text.Length ? Text[Position + ahead] : '\0';

    public void Advance(int count = 1) => Position = Math.Min(Text.Length, Position + count);

    public void SkipSpaces()
    {
        while (!AtEnd && char.IsWhiteSpace(Text[Position]))
        {
            Position++;
        }
    }

    public string ReadWord()
    {
        var start = Position;
        while (!AtEnd && char.IsLetter(Text[Position]))
        {
            Position++;
        }

        return Text[start..Position];
    }

    /// <summary>Consumes <paramref name="word"/> only when it stands alone (followed by a space, an operator or the end).</summary>
    public bool TryWord(string word)
    {
        if (string.Compare(Text, Position, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return false;
        }

        var after = Position + word.Length;
        if (after < Text.Length && (char.IsLetterOrDigit(Text[after]) || Text[after] is '_' or '.' or '-' or '['))
        {
            return false;
        }

        Position = after;
        return true;
    }

    public SourceSpan SpanAt(int position, int length) =>
        Context.Span(Line, Column + Math.Clamp(position, 0, Text.Length), Math.Max(0, Math.Min(length, Text.Length - position)));

    public void Error(string message, int position, int length, string code = DiagnosticCodes.InvalidAssertion, string? suggestion = null) =>
        Context.Error(code, message, SpanAt(position, Math.Max(1, length)), suggestion);
}
