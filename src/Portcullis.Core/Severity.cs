namespace Portcullis.Core;

/// <summary>How bad a finding is if it is real. Ordered: a larger value is worse.</summary>
public enum Severity
{
    Info = 0,
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}

/// <summary>How sure the detector is that the finding is real. Ordered: a larger value is surer.</summary>
public enum Confidence
{
    Low = 0,
    Medium = 1,
    High = 2,
}

/// <summary>What the gate answers for a submission.</summary>
public enum Verdict
{
    Allow = 0,
    Warn = 1,
    Block = 2,
}
