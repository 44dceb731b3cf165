namespace Portcullis.Ledger;

/// <summary>
/// Where a ledger lives and how it behaves. <see cref="DataDirectory"/> always holds the signing key, the
/// pinned trust anchor and the last checkpoint this host saw; the entries live in a SQLite file there
/// unless <see cref="PostgresConnectionString"/> names a shared PostgreSQL database.
/// </summary>
public sealed record LedgerOptions(string DataDirectory)
{
    public const string DefaultOrigin = "portcullis.local/ledger";

    public string? PostgresConnectionString { get; init; }

    /// <summary>The checkpoint origin line (and the signing key's name).</summary>
    public string Origin { get; init; } = DefaultOrigin;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>When false, opening a folder without a ledger fails instead of creating one.</summary>
    public bool CreateIfMissing { get; init; } = true;

    /// <summary>Evidence 7: decision records are kept five years.</summary>
    public TimeSpan StandardRetention { get; init; } = TimeSpan.FromDays(5 * 365 + 1);

    /// <summary>Evidence 7.7: incident records are kept seven years.</summary>
    public TimeSpan IncidentRetention { get; init; } = TimeSpan.FromDays(7 * 365 + 2);

    /// <summary>The most entries one group-commit transaction takes.</summary>
    public int MaxBatch { get; init; } = 4096;

    /// <summary>The per-user default: ~/.local/share/portcullis/ledger (or the platform's equivalent).</summary>
    public static string DefaultDataDirectory() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "portcullis", "ledger");
}
