using System.Diagnostics;
using System.Text.Json;
using Portcullis.Ledger.Merkle;

namespace Portcullis.Cli.Tests;

/// <summary><c>portcullis ledger</c> end to end over a real SQLite data folder.</summary>
public sealed class LedgerCommandTests
{
    private static CliRun Ledger(string data, params string[] args) => CliRun.Of(["ledger", .. args, "--data", data]);

    [Fact]
    public void Appended_entries_verify_and_their_proofs_check_out()
    {
        using var dir = new ScratchDirectory();
        var data = System.IO.Path.Combine(dir.Path, "ledger");
        Assert.Equal(0, Ledger(data, "debug-append", "7").ExitCode);

        var verify = Ledger(data, "verify");
        Assert.Equal(0, verify.ExitCode);
        Assert.Contains("ok: 7 entries", verify.Stdout, StringComparison.Ordinal);

        using var prove = JsonDocument.Parse(Ledger(data, "prove", "3").Stdout);
        var root = prove.RootElement;
        MerkleProofVerifier.VerifyInclusion(3, (ulong)root.GetProperty("tree_size").GetInt64(),
            Convert.FromBase64String(root.GetProperty("leaf_hash").GetString()!),
            [.. root.GetProperty("hashes").EnumerateArray().Select(h => Convert.FromBase64String(h.GetString()!))],
            Convert.FromBase64String(root.GetProperty("root_hash").GetString()!));

        using var consistency = JsonDocument.Parse(Ledger(data, "consistency", "2", "7").Stdout);
        var c = consistency.RootElement;
        MerkleProofVerifier.VerifyConsistency(2, 7,
            [.. c.GetProperty("hashes").EnumerateArray().Select(h => Convert.FromBase64String(h.GetString()!))],
            Convert.FromBase64String(c.GetProperty("old_root").GetString()!),
            Convert.FromBase64String(c.GetProperty("new_root").GetString()!));

        var show = Ledger(data, "show", "4");
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("\"sample_id\":\"debug-4\"", show.Stdout, StringComparison.Ordinal);
        Assert.StartsWith(LedgerOptionsOrigin + "\n7\n", Ledger(data, "checkpoint").Stdout, StringComparison.Ordinal);
    }

    private const string LedgerOptionsOrigin = Portcullis.Ledger.LedgerOptions.DefaultOrigin;

    [Fact]
    public void Bad_input_gets_a_clear_message_and_exit_code_2()
    {
        using var dir = new ScratchDirectory();
        var missing = System.IO.Path.Combine(dir.Path, "missing");
        var run = Ledger(missing, "verify");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no ledger data folder", run.Stderr, StringComparison.Ordinal);

        var data = System.IO.Path.Combine(dir.Path, "ledger");
        Ledger(data, "debug-append", "2");
        Assert.Equal(2, Ledger(data, "show", "99").ExitCode);
        Assert.Contains("no entry 99", Ledger(data, "show", "99").Stderr, StringComparison.Ordinal);
        Assert.Equal(2, Ledger(data, "prove", "5").ExitCode);
        Assert.Equal(2, Ledger(data, "prove", "x").ExitCode);
        Assert.Equal(2, Ledger(data, "consistency", "0", "2").ExitCode);
        Assert.Equal(2, Ledger(data, "frobnicate").ExitCode);

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var wal in Directory.GetFiles(data, "ledger.db*"))
        {
            File.Delete(wal);
        }
        File.WriteAllText(System.IO.Path.Combine(data, "ledger.db"), "this is not a database, just text that is long enough to have a header");
        var corrupt = Ledger(data, "verify");
        Assert.Equal(2, corrupt.ExitCode);
        Assert.Contains("ledger:", corrupt.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_then_import_into_a_copy_of_the_keys_reproduces_a_verifying_log()
    {
        using var dir = new ScratchDirectory();
        var data = System.IO.Path.Combine(dir.Path, "a");
        Ledger(data, "debug-append", "5");
        var exported = System.IO.Path.Combine(dir.Path, "export.jsonl");
        Assert.Equal(0, Ledger(data, "export", "--output", exported).ExitCode);
        Assert.Equal(5 + 5, File.ReadAllLines(exported).Length);

        var restored = System.IO.Path.Combine(dir.Path, "b");
        Directory.CreateDirectory(restored);
        foreach (var key in Directory.GetFiles(data, "*.p*"))
        {
            File.Copy(key, System.IO.Path.Combine(restored, System.IO.Path.GetFileName(key)));
        }
        var import = Ledger(restored, "import", exported);
        Assert.True(import.ExitCode == 0, import.Stderr);
        Assert.Equal(0, Ledger(restored, "verify").ExitCode);

        // Into a folder with a different key, the same rows do not verify.
        var stranger = System.IO.Path.Combine(dir.Path, "c");
        Assert.Equal(1, Ledger(stranger, "import", exported).ExitCode);
    }

    [Fact]
    public void A_witness_accepts_growth_and_verify_with_it_detects_a_truncated_log()
    {
        using var dir = new ScratchDirectory();
        var data = System.IO.Path.Combine(dir.Path, "ledger");
        var witness = System.IO.Path.Combine(dir.Path, "witness");
        Ledger(data, "debug-append", "4");
        Assert.Equal(0, Ledger(data, "witness", witness).ExitCode);
        Ledger(data, "debug-append", "3");
        var grown = Ledger(data, "witness", witness);
        Assert.True(grown.ExitCode == 0, grown.Stderr);
        Assert.Contains("size 7", grown.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, Ledger(data, "verify", "--witness", witness).ExitCode);

        // An administrator truncates the log and its checkpoints, and this host's copy too.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={System.IO.Path.Combine(data, "ledger.db")};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM entries WHERE idx >= 5; DELETE FROM checkpoints WHERE size > 5;";
            command.ExecuteNonQuery();
        }
        File.Delete(System.IO.Path.Combine(data, Portcullis.Ledger.Ledger.CheckpointFile));
        Assert.Equal(0, Ledger(data, "verify").ExitCode);
        var verify = Ledger(data, "verify", "--witness", witness);
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("first entry that does not match: 5", verify.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, Ledger(data, "witness", witness).ExitCode);
    }

    [Fact]
    public void Every_acknowledged_append_survives_sigkill_of_the_writer_and_the_log_verifies()
    {
        using var dir = new ScratchDirectory();
        var data = System.IO.Path.Combine(dir.Path, "ledger");
        var cli = typeof(Commands.CommandDispatcher).Assembly.Location;
        var acknowledged = new List<long>();
        var random = new Random(7);
        for (var round = 0; round < 4; round++)
        {
            var killAfter = 20 + random.Next(60);
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { cli, "ledger", "debug-append", "100000", "--data", data })
            {
                start.ArgumentList.Add(arg);
            }
            using var child = Process.Start(start)!;
            var seen = 0;
            while (child.StandardOutput.ReadLine() is { } line)
            {
                acknowledged.Add(long.Parse(line, System.Globalization.CultureInfo.InvariantCulture));
                if (++seen == killAfter)
                {
                    child.Kill(); // SIGKILL on Unix: no cleanup runs
                    break;
                }
            }
            child.WaitForExit();
            Assert.True(seen == killAfter, child.StandardError.ReadToEnd());
        }
        Assert.Equal(acknowledged.Count, acknowledged.Distinct().Count());
        var verify = Ledger(data, "verify");
        Assert.True(verify.ExitCode == 0, verify.Stderr);
        foreach (var index in acknowledged)
        {
            Assert.Equal(0, Ledger(data, "show", index.ToString(System.Globalization.CultureInfo.InvariantCulture)).ExitCode);
        }
    }
}
