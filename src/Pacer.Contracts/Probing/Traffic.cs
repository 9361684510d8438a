namespace Pacer.Contracts.Probing;

/// <summary>
/// Why a request was sent, which decides what is learnt from its answer: identifiers are harvested from baseline
/// and owner traffic only (an attack's answer may hold another user's data), and passive checks look at everything
/// but the confirmations they send themselves.
/// </summary>
public enum Traffic
{
    /// <summary>A valid request a real client would send, as a user or anonymously.</summary>
    Baseline,

    /// <summary>A request by an object's owner, to show the object exists and what it looks like.</summary>
    Owner,

    /// <summary>A hostile or forged request.</summary>
    Attack,

    /// <summary>A repeat or control request that confirms a finding.</summary>
    Confirmation,
}
