using Pacer.Core.Flow.Syntax;

namespace Pacer.Core.Templating;

/// <summary>Turns a part's offset inside <see cref="Template.Raw"/> into a file position.</summary>
public static class TemplateSpans
{
    public static SourceSpan Of(Template template, TemplatePart part)
    {
        var start = template.Span;
        var offset = Math.Clamp(part.Offset, 0, template.Raw.Length);
        var before = template.Raw.AsSpan(0, offset);
        var newlines = before.Count('\n');
        if (newlines == 0)
        {
            return start with { Column = start.Column + offset, Length = part.Length };
        }

        // After a newline, columns restart at 1 on the new line.
        var lastNewline = before.LastIndexOf('\n');
        return start with { Line = start.Line + newlines, Column = offset - lastNewline, Length = part.Length };
    }
}
