namespace Pacer.Core.Templating;

/// <summary>
/// Follows whether a position in a JSON body template lies inside a string literal, by scanning only
/// the literal text around placeholders. Substituted values never change the state: inside a string
/// they are escaped, outside they are whole JSON values.
/// </summary>
internal struct JsonStringState
{
    private bool escapePending;

    public bool InString { get; private set; }

    public void Advance(string literal)
    {
        foreach (var c in literal)
        {
            if (!InString)
            {
                InString = c == '"';
            }
            else if (escapePending)
            {
                escapePending = false;
            }
            else if (c == '\\')
            {
                escapePending = true;
            }
            else if (c == '"')
            {
                InString = false;
            }
        }
    }

    /// <summary>A placeholder right after a backslash completes that escape (the template was odd; keep going).</summary>
    public void AfterPlaceholder() => escapePending = false;
}
