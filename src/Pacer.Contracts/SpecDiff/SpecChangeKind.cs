namespace Pacer.Contracts.SpecDiff;

public enum SpecChangeKind
{
    OperationRemoved,
    OperationAdded,
    ResponseRemoved,
    ResponseAdded,
    ParameterAdded,
    ParameterRemoved,
    ParameterMadeRequired,
    RequestBodyAdded,
    RequestBodyMadeRequired,
    FieldAdded,
    FieldRemoved,
    FieldMadeRequired,
    FieldMadeOptional,
    TypeChanged,
    EnumValueRemoved,
    EnumValueAdded,
    SecurityAdded,
    SecurityRemoved,
}
