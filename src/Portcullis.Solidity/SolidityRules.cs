using Portcullis.Core;

namespace Portcullis.Solidity;

/// <summary>
/// The catalogue of Solidity rules: one per SWC class (or pair of classes), each with its SWC id, the
/// CWE ids the SWC registry maps it to, and an OWASP 2021 category where one fits.
/// </summary>
internal static class SolidityRules
{
    private static readonly string[] Languages = ["solidity"];

    public static RuleDescriptor Reentrancy { get; } = Rule("solidity.reentrancy", Severity.Critical, Confidence.High,
        ["CWE-841"], ["A04:2021"], ["SWC-107"],
        "State is written after an external call that can re-enter the contract: apply checks-effects-interactions or a reentrancy guard.");

    public static RuleDescriptor CrossFunctionReentrancy { get; } = Rule("solidity.reentrancy-cross-function", Severity.High, Confidence.Medium,
        ["CWE-841"], ["A04:2021"], ["SWC-107"],
        "State is written after an external call while another public function relies on it: the callee can re-enter that function and see stale state.");

    public static RuleDescriptor ReadOnlyReentrancy { get; } = Rule("solidity.reentrancy-read-only", Severity.Medium, Confidence.Medium,
        ["CWE-841"], ["A04:2021"], ["SWC-107"],
        "State is written after a call that hands control to an untrusted address while a view function exposes it: callers of the view see stale values during the call.");

    public static RuleDescriptor IntegerOverflow { get; } = Rule("solidity.integer-overflow", Severity.High, Confidence.Medium,
        ["CWE-190", "CWE-191"], ["A04:2021"], ["SWC-101"],
        "Unchecked arithmetic on a value the caller influences can overflow or underflow.");

    public static RuleDescriptor NarrowingCast { get; } = Rule("solidity.narrowing-cast", Severity.Medium, Confidence.Medium,
        ["CWE-190", "CWE-197"], ["A04:2021"], ["SWC-101"],
        "A narrowing integer cast silently truncates a value the caller influences, even under checked arithmetic.");

    public static RuleDescriptor UncheckedCall { get; } = Rule("solidity.unchecked-call", Severity.High, Confidence.High,
        ["CWE-252"], ["A04:2021"], ["SWC-104"],
        "The success flag of a low-level call is ignored: a failed call goes unnoticed and execution continues.");

    public static RuleDescriptor ControlledDelegatecall { get; } = Rule("solidity.controlled-delegatecall", Severity.Critical, Confidence.High,
        ["CWE-829"], ["A01:2021"], ["SWC-112"],
        "delegatecall to an address the caller chooses runs the caller's code with this contract's storage and balance.");

    public static RuleDescriptor TxOrigin { get; } = Rule("solidity.tx-origin-auth", Severity.High, Confidence.High,
        ["CWE-477"], ["A01:2021"], ["SWC-115"],
        "tx.origin used for authorization: any contract the owner calls can act as the owner. Use msg.sender.");

    public static RuleDescriptor UnprotectedWithdrawal { get; } = Rule("solidity.unprotected-ether-withdrawal", Severity.Critical, Confidence.Medium,
        ["CWE-284"], ["A01:2021"], ["SWC-105"],
        "Anyone can call this function and send the contract's ether to an address of their choice.");

    public static RuleDescriptor UnprotectedSelfdestruct { get; } = Rule("solidity.unprotected-selfdestruct", Severity.Critical, Confidence.High,
        ["CWE-284"], ["A01:2021"], ["SWC-106"],
        "Anyone can call selfdestruct and destroy the contract.");

    public static RuleDescriptor WeakRandomness { get; } = Rule("solidity.block-randomness", Severity.High, Confidence.Medium,
        ["CWE-330"], ["A02:2021"], ["SWC-120"],
        "Randomness derived from block values can be predicted and influenced by miners and by other contracts in the same block.");

    public static RuleDescriptor TimestampDependence { get; } = Rule("solidity.timestamp-dependence", Severity.Low, Confidence.Medium,
        ["CWE-829"], [], ["SWC-116"],
        "A decision depends on block.timestamp (or block.number as a clock), which the block proposer can shift.");

    public static RuleDescriptor DefaultFunctionVisibility { get; } = Rule("solidity.default-function-visibility", Severity.High, Confidence.High,
        ["CWE-710"], ["A01:2021"], ["SWC-100"],
        "Function without an explicit visibility is public under this compiler: state that it is meant to be public, or restrict it.");

    public static RuleDescriptor DefaultStateVisibility { get; } = Rule("solidity.default-state-visibility", Severity.Low, Confidence.High,
        ["CWE-710"], [], ["SWC-108"],
        "State variable without an explicit visibility: say whether it is private, internal or public.");

    public static RuleDescriptor FloatingPragma { get; } = Rule("solidity.floating-pragma", Severity.Low, Confidence.High,
        ["CWE-664"], [], ["SWC-103"],
        "Floating pragma: the contract may be deployed with a compiler version other than the one it was tested with.");

    public static RuleDescriptor UninitializedStoragePointer { get; } = Rule("solidity.uninitialized-storage-pointer", Severity.High, Confidence.High,
        ["CWE-824"], [], ["SWC-109"],
        "An uninitialized local storage variable points at slot 0 and overwrites the contract's first state variables.");

    public static RuleDescriptor DosFailedCall { get; } = Rule("solidity.dos-failed-call", Severity.Medium, Confidence.Medium,
        ["CWE-703"], [], ["SWC-113"],
        "An external call inside a loop (or before further payouts) that reverts on failure lets one recipient block everyone.");

    public static RuleDescriptor DosUnboundedLoop { get; } = Rule("solidity.dos-unbounded-loop", Severity.Medium, Confidence.Low,
        ["CWE-400"], [], ["SWC-128"],
        "A loop over a storage array that anyone can grow may exceed the block gas limit.");

    public static RuleDescriptor SignatureMalleability { get; } = Rule("solidity.signature-malleability", Severity.Medium, Confidence.Medium,
        ["CWE-347"], ["A02:2021"], ["SWC-117"],
        "ecrecover accepts both s and n-s: a signature is malleable unless s is restricted to the lower half (use OpenZeppelin ECDSA).");

    public static RuleDescriptor SignatureReplay { get; } = Rule("solidity.signature-replay", Severity.High, Confidence.Medium,
        ["CWE-347"], ["A07:2021"], ["SWC-121"],
        "The signed message has no nonce (or the contract's address / chain id), so a valid signature can be replayed.");

    public static IReadOnlyList<RuleDescriptor> All { get; } =
    [
        Reentrancy, CrossFunctionReentrancy, ReadOnlyReentrancy, IntegerOverflow, NarrowingCast, UncheckedCall,
        ControlledDelegatecall, TxOrigin, UnprotectedWithdrawal, UnprotectedSelfdestruct, WeakRandomness,
        TimestampDependence, DefaultFunctionVisibility, DefaultStateVisibility, FloatingPragma,
        UninitializedStoragePointer, DosFailedCall, DosUnboundedLoop, SignatureMalleability, SignatureReplay,
    ];

    private static RuleDescriptor Rule(string id, Severity severity, Confidence confidence, string[] cwe, string[] owasp, string[] swc, string message) =>
        new(id, Languages, severity, confidence, new Taxonomy([.. cwe], [.. owasp], [.. swc]), message);
}
