namespace Pacer.Contracts.Contract.Conformance;

/// <summary>What a generated request is meant to be, which decides what its answer should look like.</summary>
public enum CaseKind
{
    /// <summary>Valid by the document: must not be refused as invalid.</summary>
    Positive,

    /// <summary>Invalid by the document: must be refused with a 4xx.</summary>
    Negative,

    /// <summary>Valid but for a required header left out: must be refused with a 4xx.</summary>
    MissingHeader,

    /// <summary>A method the document does not list for the path: must be answered 405.</summary>
    UnsupportedMethod,
}
