using System.Collections.Immutable;
using Portcullis.Core;
using Portcullis.Ledger.Entries;

namespace Portcullis.Ledger.Tests;

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>A scratch data folder deleted after the test.</summary>
internal sealed class LedgerFolder : IDisposable
{
    public LedgerFolder()
    {
        Path = Directory.CreateTempSubdirectory("portcullis-ledger-").FullName;
    }

    public string Path { get; }

    public string DatabasePath => System.IO.Path.Combine(Path, "ledger.db");

    public LedgerOptions Options(TimeProvider? time = null) =>
        new(Path) { TimeProvider = time ?? TimeProvider.System };

    public Ledger Open(TimeProvider? time = null) => Ledger.Open(Options(time));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }
}

internal static class SampleEntries
{
    public static ScanDecision Decision(int n) => new(
        "agent:claude-code",
        $"sample-{n}",
        n % 3 == 0 ? Verdict.Block : Verdict.Allow,
        FixOffered: n % 2 == 0,
        [new DecisionFinding("python.sql-injection", Severity.High, Confidence.High, ["CWE-89"], ["A03:2021"], [], "app.py", n + 1, 5, $"fp{n:x8}", n % 2 == 0, false)]);

    public static OverrideRequest Override(string reason) => new(
        "dev@example.com", "req-1", "sample-1", "python.sql-injection", "fp00000001", Severity.High,
        ["CWE-89"], ["A03:2021"], ImmutableArray<string>.Empty, reason, new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
}
