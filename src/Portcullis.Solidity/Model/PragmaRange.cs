using System.Text.RegularExpressions;

namespace Portcullis.Solidity.Model;

/// <summary>
/// The compiler versions a <c>pragma solidity</c> admits, reduced to what the detectors need: the
/// lowest admitted version (semantics such as checked arithmetic follow the oldest compiler that may
/// build the contract) and whether the pragma floats.
/// </summary>
internal sealed partial record PragmaRange(Version Minimum, bool Floating, int StartByte, int EndByte, string Constraint)
{
    private static readonly Version Zero = new(0, 0, 0);

    /// <summary>Checked arithmetic is the default from 0.8.0.</summary>
    public bool CheckedArithmetic => Minimum >= new Version(0, 8, 0);

    /// <summary>Functions without visibility stopped compiling in 0.5.0; before, they were public.</summary>
    public bool DefaultPublicFunctions => Minimum < new Version(0, 5, 0);

    /// <summary>0.5.0 made <c>call</c> return (bool, bytes) and introduced explicit data locations.</summary>
    public bool ModernCallSyntax => Minimum >= new Version(0, 5, 0);

    /// <summary><c>addr.call{value: v}()</c> replaced <c>addr.call.value(v)()</c> in 0.6.2.</summary>
    public bool CallOptionsSyntax => Minimum >= new Version(0, 6, 2);

    public static PragmaRange Parse(string constraint, int startByte, int endByte)
    {
        Version? lowest = null;
        var floating = false;
        foreach (var alternative in constraint.Split("||"))
        {
            var lowerBound = Zero;
            var terms = Term().Matches(alternative);
            foreach (Match term in terms)
            {
                var op = term.Groups["op"].Value;
                var version = new Version(
                    int.Parse(term.Groups["major"].Value, System.Globalization.CultureInfo.InvariantCulture),
                    term.Groups["minor"].Success ? int.Parse(term.Groups["minor"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0,
                    term.Groups["patch"].Success ? int.Parse(term.Groups["patch"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0);
                if (op is not ("" or "="))
                {
                    floating = true;
                }
                if (!term.Groups["patch"].Success && op is "" or "=")
                {
                    floating = true;
                }
                var bound = op switch
                {
                    ">" => new Version(version.Major, version.Minor, version.Build + 1),
                    "<" or "<=" => null,
                    _ => version,
                };
                if (bound is not null && bound > lowerBound)
                {
                    lowerBound = bound;
                }
            }
            if (terms.Count > 0 && (lowest is null || lowerBound < lowest))
            {
                lowest = lowerBound;
            }
        }
        return new PragmaRange(lowest ?? Zero, floating, startByte, endByte, constraint.Trim());
    }

    [GeneratedRegex(@"(?<op>\^|~|>=|<=|>|<|=)?\s*v?(?<major>\d+)(?:\.(?<minor>\d+|x|\*))?(?:\.(?<patch>\d+))?")]
    private static partial Regex Term();
}
