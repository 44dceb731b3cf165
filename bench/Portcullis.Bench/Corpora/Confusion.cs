namespace Portcullis.Bench.Corpora;

/// <summary>True/false positives and negatives for one row of a table (a language, a category, a CWE).</summary>
internal sealed class Confusion
{
    public int TruePositives { get; private set; }
    public int FalseNegatives { get; private set; }
    public int FalsePositives { get; private set; }
    public int TrueNegatives { get; private set; }

    public void Add(bool vulnerable, bool flagged)
    {
        if (vulnerable && flagged) TruePositives++;
        else if (vulnerable) FalseNegatives++;
        else if (flagged) FalsePositives++;
        else TrueNegatives++;
    }

    public int Vulnerable => TruePositives + FalseNegatives;

    public int Safe => FalsePositives + TrueNegatives;

    public double Recall => Vulnerable == 0 ? 0 : (double)TruePositives / Vulnerable;

    public double FalsePositiveRate => Safe == 0 ? 0 : (double)FalsePositives / Safe;

    /// <summary>The OWASP Benchmark score: TPR − FPR, in percentage points.</summary>
    public double Score => 100 * (Recall - FalsePositiveRate);
}
