using System.Collections.Immutable;

namespace Portcullis.Core;

/// <summary>
/// The public classifications a finding carries: CWE ids ("CWE-89"), OWASP Top 10 2021 ids
/// ("A03:2021") and, for Solidity, SWC ids ("SWC-107").
/// </summary>
public sealed record Taxonomy(ImmutableArray<string> Cwe, ImmutableArray<string> Owasp, ImmutableArray<string> Swc)
{
    public static Taxonomy Empty { get; } = new([], [], []);
}
