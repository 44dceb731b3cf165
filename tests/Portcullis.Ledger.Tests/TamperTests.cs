using Microsoft.Data.Sqlite;

namespace Portcullis.Ledger.Tests;

/// <summary>
/// Randomized tampering of a real SQLite ledger, the five ways the issue lists: every one is detected and
/// <c>verify</c> names the entry where the damage starts.
/// </summary>
public sealed class TamperTests
{
    private const int Entries = 64;

    [Fact]
    public void Verify_detects_and_names_the_entry_in_every_one_of_1000_randomized_tamperings()
    {
        using var original = new LedgerFolder();
        using (var ledger = original.Open())
        {
            // One append at a time, as a gate records decisions: one checkpoint per entry.
            for (var i = 0; i < Entries; i++)
            {
                ledger.Append(SampleEntries.Decision(i));
            }
            Assert.True(ledger.Verify().Ok);
        }
        SqliteConnection.ClearAllPools();

        var random = new Random(20260307);
        var kinds = Enum.GetValues<SqlAttacker.Tampering>();
        var detected = new Dictionary<SqlAttacker.Tampering, int>();
        var failures = new List<string>();
        using var scratch = new LedgerFolder();
        for (var trial = 0; trial < 1000; trial++)
        {
            var kind = kinds[trial % kinds.Length];
            var copy = Path.Combine(scratch.Path, $"t{trial}");
            CopyFolder(original.Path, copy);
            long expected;
            using (var attacker = new SqlAttacker(Path.Combine(copy, "ledger.db")))
            {
                expected = attacker.Apply(kind, Entries, random);
            }
            using (var ledger = Ledger.Open(new LedgerOptions(copy) { CreateIfMissing = false }))
            {
                var report = ledger.Verify();
                if (!report.Ok && report.FirstBadIndex == expected)
                {
                    detected[kind] = detected.GetValueOrDefault(kind) + 1;
                }
                else
                {
                    failures.Add($"trial {trial} {kind}: expected entry {expected}, got {(report.Ok ? "ok" : report.FirstProblem!.Message)}");
                }
            }
            SqliteConnection.ClearAllPools();
            Directory.Delete(copy, recursive: true);
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        Assert.All(kinds, k => Assert.Equal(200, detected[k]));
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
