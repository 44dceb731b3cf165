namespace Portcullis.Solidity.Model;

/// <summary>What a call expression does, as far as control leaving the contract is concerned.</summary>
internal enum CallKind
{
    /// <summary>A call of a function of this contract, a library, a builtin, or a cast.</summary>
    Internal,

    /// <summary><c>addr.call(...)</c> in any syntax: hands all remaining gas to the target.</summary>
    LowLevelCall,
    Delegatecall,
    Staticcall,

    /// <summary><c>send</c> / <c>transfer</c>: 2300 gas, too little to re-enter.</summary>
    Send,
    Transfer,

    /// <summary>A function of another contract through an interface or contract type.</summary>
    ContractCall,

    /// <summary>A token operation that calls a receiver hook on the recipient (ERC721, ERC1155, ERC777).</summary>
    ReceiverHook,
}

/// <param name="Target">The address or contract expression the call goes to.</param>
/// <param name="SendsValue">Ether goes with the call (<c>{value: v}</c>, <c>.value(v)</c>, sendValue).</param>
internal sealed record CallSite(Portcullis.Syntax.SyntaxNode Node, CallKind Kind, Portcullis.Syntax.SyntaxNode? Target, string Member, bool SendsValue)
{
    /// <summary>The callee runs arbitrary code with enough gas to call back into this contract.</summary>
    public bool CanReenter => Kind is CallKind.LowLevelCall or CallKind.ContractCall or CallKind.ReceiverHook;

    /// <summary>Control goes to an address that may belong to anyone (ether to an address, receiver hooks).</summary>
    public bool HandsControlToRecipient => Kind is CallKind.ReceiverHook || (Kind is CallKind.LowLevelCall);

    public bool ReturnsSuccessFlag => Kind is CallKind.LowLevelCall or CallKind.Delegatecall or CallKind.Staticcall or CallKind.Send;
}
