namespace Portcullis.Ledger.Verification;

/// <summary>The files a witness folder holds: the pinned trust anchor and the last checkpoint it accepted.</summary>
public static class WitnessFiles
{
    public const string CheckpointFile = "witness-checkpoint";
    public const string AnchorFile = "witness-trust-anchor.pub";
}
