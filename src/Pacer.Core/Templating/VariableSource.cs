namespace Pacer.Core.Templating;

/// <summary>
/// Where a variable's value came from. Captured values carry the JSON type the server gave them; the
/// others (command line, environment, flow defaults) usually start life as text, which matters when an
/// unquoted placeholder asks for a typed value.
/// </summary>
public enum VariableSource
{
    Override,
    Captured,
    Environment,
    Default,
}
