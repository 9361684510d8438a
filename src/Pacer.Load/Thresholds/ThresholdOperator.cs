namespace Pacer.Load.Thresholds;

public enum ThresholdOperator
{
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
}
