using System.Text.Json.Nodes;
using Pacer.Core.Flow.Syntax;
using Pacer.Core.Templating;

namespace Pacer.Core.Assertions;

/// <summary>
/// Evaluates assertion operands to JSON values. Literals are themselves; a quoted template is always a
/// string; an unquoted template is its variable's own value (see <see cref="TemplateRenderer.RenderValue"/>);
/// a list is an array; a duration is its milliseconds; a type name is its name as a string; arithmetic is a number.
/// </summary>
public static class OperandEvaluator
{
    public static OperandValue Evaluate(Operand operand, VariableScope variables, BuiltInVariables builtIns) => operand switch
    {
        LiteralOperand literal => OperandValue.Of(literal.Value?.DeepClone()),
        TemplateOperand { Quoted: true } template => Text(template.Template, variables, builtIns),
        TemplateOperand template => Typed(template.Template, variables, builtIns),
        ListOperand list => List(list, variables, builtIns),
        DurationOperand duration => OperandValue.Of(JsonValue.Create(duration.Milliseconds)),
        TypeNameOperand typeName => OperandValue.Of(JsonValue.Create(typeName.TypeName)),
        ArithmeticOperand arithmetic => Calculate(arithmetic, variables, builtIns),
        _ => OperandValue.Fail($"unsupported operand {operand.GetType().Name}"),
    };

    private static OperandValue Text(Template template, VariableScope variables, BuiltInVariables builtIns)
    {
        var result = TemplateRenderer.RenderText(template, variables, builtIns);
        return result.Succeeded ? OperandValue.Of(JsonValue.Create(result.Text)) : Failed(result.Error!);
    }

    private static OperandValue Typed(Template template, VariableScope variables, BuiltInVariables builtIns)
    {
        var result = TemplateRenderer.RenderValue(template, variables, builtIns);
        return result.Succeeded ? OperandValue.Of(result.Value) : Failed(result.Error!);
    }

    private static OperandValue Failed(TemplateError error) => OperandValue.Fail($"{error.Message} (at {error.Span})");

    private static OperandValue List(ListOperand list, VariableScope variables, BuiltInVariables builtIns)
    {
        var array = new JsonArray();
        foreach (var item in list.Items)
        {
            var value = Evaluate(item, variables, builtIns);
            if (!value.Succeeded)
            {
                return value;
            }

            array.Add(value.Value);
        }

        return OperandValue.Of(array);
    }

    private static OperandValue Calculate(ArithmeticOperand arithmetic, VariableScope variables, BuiltInVariables builtIns)
    {
        var left = Number(arithmetic.Left, variables, builtIns, out var leftNumber);
        if (left is not null)
        {
            return left;
        }

        var right = Number(arithmetic.Right, variables, builtIns, out var rightNumber);
        return right ?? Arithmetic.Apply(leftNumber, arithmetic.Operator, rightNumber);
    }

    /// <summary>Reads one side of arithmetic as a number; templates count as unquoted here, whatever their quotes.</summary>
    private static OperandValue? Number(Operand operand, VariableScope variables, BuiltInVariables builtIns, out JsonNumber number)
    {
        number = default;
        var value = operand is TemplateOperand template
            ? Typed(template.Template, variables, builtIns)
            : Evaluate(operand, variables, builtIns);
        if (!value.Succeeded)
        {
            return value;
        }

        return JsonNumber.TryRead(value.Value, out number)
            ? null
            : OperandValue.Fail($"arithmetic needs numbers, got {ValueFormatter.Format(value.Value)}");
    }
}
