using Pacer.Core.Flow.Syntax;
using Pacer.Core.Http;
using Pacer.Core.Templating;

namespace Pacer.Core.Assertions;

/// <summary>
/// The result of one assertion. <see cref="Expected"/> and <see cref="Actual"/> are rendered for
/// people with their JSON types, e.g. <c>0 (number)</c> vs <c>"0" (string)</c>.
/// </summary>
public sealed record AssertionOutcome(AssertionNode Assertion, bool Passed, string Expected, string Actual, string? Message = null);

public static class AssertionEvaluator
{
    public static AssertionOutcome Evaluate(AssertionNode assertion, ResponseSnapshot response, VariableScope variables, BuiltInVariables builtIns) =>
        throw new NotImplementedException();
}
