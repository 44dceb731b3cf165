namespace Portcullis.Gate.Policy;

/// <summary>What policy does with a finding. Ordered: a larger value is stricter.</summary>
public enum PolicyAction
{
    Ignore = 0,
    Warn = 1,
    Block = 2,
}
