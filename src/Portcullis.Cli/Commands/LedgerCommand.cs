using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Portcullis.Ledger;
using Portcullis.Ledger.Checkpoints;
using Portcullis.Ledger.Merkle;
using Portcullis.Ledger.Storage;

namespace Portcullis.Cli.Commands;

/// <summary>
/// <c>portcullis ledger verify|checkpoint|prove|consistency|show|export|import|witness|prune|rotate-key</c>
/// over the ledger in <c>--data DIR</c> (SQLite and the signing key) or PostgreSQL from
/// <c>--ledger-connection</c>. Exit codes: 0 verified, 1 the log does not verify (or a witness refuses),
/// 2 bad input (no ledger, unknown index, unreadable database).
/// </summary>
internal static class LedgerCommand
{
    public const string UsageLines = """
          portcullis ledger verify [--witness DIR]       (re-derives every entry, the tree and every checkpoint)
          portcullis ledger checkpoint                   (signs and prints a checkpoint of the whole log)
          portcullis ledger prove INDEX [--size N]       (inclusion proof, JSON)
          portcullis ledger consistency OLD NEW          (consistency proof, JSON)
          portcullis ledger show INDEX
          portcullis ledger export [--output FILE] | import FILE|-   (JSON lines)
          portcullis ledger witness DIR                  (copies the latest checkpoint; refuses an inconsistent one)
          portcullis ledger prune | rotate-key --actor WHO --reason WHY
            every ledger command takes --data DIR (default: per-user folder) or --ledger-connection POSTGRES
        """;

    private static readonly string[] ValueOptions = ["--data", "--ledger-connection", "--witness", "--size", "--output", "--actor", "--reason"];

    public static int Run(IReadOnlyList<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        if (args.Count == 0)
        {
            throw new UsageException("ledger needs a subcommand:\n" + UsageLines);
        }
        var reader = new ArgumentReader(args.Skip(1).ToArray(), ValueOptions, []);
        var creates = args[0] is "import" or "checkpoint" or "rotate-key" or "debug-append";
        try
        {
            using var ledger = Open(reader, create: creates);
            return args[0] switch
            {
                "verify" => Verify(ledger, reader, stdout, stderr),
                "checkpoint" => Print(stdout, ledger.Checkpoint().Text),
                "prove" => Prove(ledger, reader, stdout),
                "consistency" => Consistency(ledger, reader, stdout),
                "show" => Show(ledger, reader, stdout),
                "export" => LedgerExport.Export(ledger, reader.Value("--output"), stdout),
                "import" => LedgerExport.Import(ledger, Single(reader, "import needs a file (or - for standard input)"), stdin, stdout, stderr),
                "witness" => LedgerWitness.Run(ledger, reader.Value("--witness") ?? Single(reader, "witness needs the witness folder"), stdout, stderr),
                "prune" => Print(stdout, $"pruned {ledger.Prune()} entry bodies past retention (leaf hashes kept)"),
                "rotate-key" => RotateKey(ledger, reader, stdout),
                "debug-append" => DebugAppend(ledger, reader, stdout),
                _ => throw new UsageException($"unknown ledger subcommand '{args[0]}'\n" + UsageLines),
            };
        }
        catch (Exception e) when (e is LedgerNotFoundException or LedgerCorruptException or System.Data.Common.DbException
            or CryptographicException or FormatException or JsonException or IOException or UnauthorizedAccessException or InvalidProofException)
        {
            throw new UsageException($"ledger: {e.Message}");
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new UsageException($"ledger: {e.Message.Split(" (Parameter", 2)[0]}");
        }
    }

    private static Ledger.Ledger Open(ArgumentReader reader, bool create)
    {
        var data = reader.Value("--data") ?? LedgerOptions.DefaultDataDirectory();
        return Ledger.Ledger.Open(new LedgerOptions(data)
        {
            PostgresConnectionString = reader.Value("--ledger-connection"),
            CreateIfMissing = create,
        });
    }

    private static int Verify(Ledger.Ledger ledger, ArgumentReader reader, TextWriter stdout, TextWriter stderr)
    {
        var report = ledger.Verify(reader.Value("--witness"));
        if (report.Ok)
        {
            stdout.WriteLine($"ok: {report.Entries} entries and {report.CheckpointsChecked} checkpoints verified ({ledger.Description})");
            return ExitCodes.Allow;
        }
        stderr.WriteLine($"FAILED: first entry that does not match: {report.FirstBadIndex}");
        foreach (var problem in report.Problems.OrderBy(p => p.Index).Take(20))
        {
            stderr.WriteLine($"  {problem.Message}");
        }
        return ExitCodes.Block;
    }

    private static int Prove(Ledger.Ledger ledger, ArgumentReader reader, TextWriter stdout)
    {
        var index = Number(Single(reader, "prove needs an entry index"), "index");
        var checkpoint = reader.Value("--size") is { } s ? null : ledger.Checkpoint();
        var size = checkpoint?.Checkpoint.Size ?? Number(reader.Value("--size")!, "size");
        if (index >= size)
        {
            throw new UsageException($"ledger: entry {index} is not in a log of {size} entries");
        }
        var proof = ledger.Prove(index, size);
        WriteJson(stdout, new
        {
            index = proof.Index,
            tree_size = proof.Size,
            leaf_hash = Convert.ToBase64String(proof.LeafHash),
            root_hash = Convert.ToBase64String(ledger.Root(size)),
            hashes = proof.Hashes.Select(Convert.ToBase64String),
            checkpoint = checkpoint?.Text,
        });
        return ExitCodes.Allow;
    }

    private static int Consistency(Ledger.Ledger ledger, ArgumentReader reader, TextWriter stdout)
    {
        if (reader.Positional.Count != 2)
        {
            throw new UsageException("consistency needs OLD and NEW tree sizes");
        }
        var proof = ledger.Consistency(Number(reader.Positional[0], "old size"), Number(reader.Positional[1], "new size"));
        WriteJson(stdout, new
        {
            old_size = proof.OldSize,
            new_size = proof.NewSize,
            old_root = Convert.ToBase64String(ledger.Root(proof.OldSize)),
            new_root = Convert.ToBase64String(ledger.Root(proof.NewSize)),
            hashes = proof.Hashes.Select(Convert.ToBase64String),
        });
        return ExitCodes.Allow;
    }

    private static int Show(Ledger.Ledger ledger, ArgumentReader reader, TextWriter stdout)
    {
        var index = Number(Single(reader, "show needs an entry index"), "index");
        var record = ledger.Read(index) ?? throw new UsageException($"ledger: no entry {index} (the log holds {ledger.Count})");
        stdout.WriteLine($"index: {record.Index}");
        stdout.WriteLine($"kind: {record.Kind}");
        stdout.WriteLine($"recorded: {record.RecordedAt:O}");
        stdout.WriteLine($"leaf hash: {Convert.ToHexStringLower(record.LeafHash)}");
        stdout.WriteLine(record.Body is null ? "body: pruned by retention" : System.Text.Encoding.UTF8.GetString(record.Body));
        return ExitCodes.Allow;
    }

    private static int RotateKey(Ledger.Ledger ledger, ArgumentReader reader, TextWriter stdout)
    {
        var before = ledger.SigningKey.KeyIdHex;
        var receipt = ledger.RotateKey(
            reader.Value("--actor") ?? throw new UsageException("rotate-key needs --actor"),
            reader.Value("--reason") ?? throw new UsageException("rotate-key needs --reason"));
        stdout.WriteLine($"rotated the signing key {before} -> {ledger.SigningKey.KeyIdHex} (entry {receipt.Index})");
        return ExitCodes.Allow;
    }

    // For the crash test: appends COUNT decisions one at a time and prints each index once it is durable.
    private static int DebugAppend(Ledger.Ledger ledger, ArgumentReader reader, TextWriter stdout)
    {
        var count = Number(Single(reader, "debug-append needs a count"), "count");
        for (var i = 0; i < count; i++)
        {
            var receipt = ledger.Append(new Ledger.Entries.ScanDecision("debug", $"debug-{i}", Core.Verdict.Allow, false, []));
            stdout.WriteLine(receipt.Index.ToString(CultureInfo.InvariantCulture));
            stdout.Flush();
        }
        return ExitCodes.Allow;
    }

    internal static string Single(ArgumentReader reader, string message) =>
        reader.Positional.Count == 1 ? reader.Positional[0] : throw new UsageException(message);

    private static long Number(string text, string what) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new UsageException($"the {what} '{text}' is not a non-negative number");

    private static int Print(TextWriter stdout, string text)
    {
        stdout.Write(text.EndsWith('\n') ? text : text + "\n");
        return ExitCodes.Allow;
    }

    private static void WriteJson(TextWriter stdout, object value) =>
        stdout.WriteLine(JsonSerializer.Serialize(value, new JsonSerializerOptions { WriteIndented = true }));
}
