using System.Diagnostics;
using System.Text;
using Portcullis.Secrets;
using Portcullis.Syntax;

namespace Portcullis.Bench.Speed;

/// <summary>
/// <c>secrets [--megabytes N] [--rounds N]</c>: the secrets detector alone on one thread. Throughput
/// (MB/s) over generated plain text and code with no secret in it (prose, identifiers, hashes, UUIDs,
/// secret-named lookups: the prefilter's keywords occur, the values are not secrets), and per-snippet
/// latency for 30-line snippets.
/// </summary>
internal static class SecretsThroughputBenchmark
{
    private static readonly string[] Lines =
    [
        "The deployment pipeline reads its configuration from the environment and never from the repository.",
        "    password = os.environ[\"DB_PASSWORD\"]  # the token is injected by the platform at start",
        "const apiKey = process.env.API_KEY; // see the auth section of the handbook",
        "Each request carries a session id such as 3f2504e0-4f89-11d3-9a0c-0305e82c3301 in its headers.",
        "commit 9fceb02d0ae598e95dc970b74767f19372d61af8 fixed the key rotation job for the secret store",
        "    public string Password { get; set; } = Environment.GetEnvironmentVariable(\"APP_PASSWORD\");",
        "Tokens expire after an hour; refresh them with the credentials provider rather than caching them.",
        "for (int i = 0; i < items.Length; i++) { total += items[i].Price * items[i].Quantity; }",
        "checksum: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.",
    ];

    public static int Run(string[] args, TextWriter output)
    {
        var megabytes = Option(args, "--megabytes", 32);
        var rounds = Option(args, "--rounds", 3);
        var text = Generate(megabytes * 1024 * 1024, seed: 1);
        _ = SecretsAnalyzer.Find(text[..100_000], LanguageIds.Text, out _);
        var best = double.MaxValue;
        var found = 0;
        for (var round = 0; round < rounds; round++)
        {
            var stopwatch = Stopwatch.StartNew();
            found = SecretsAnalyzer.Find(text, LanguageIds.Text, out _).Count;
            best = Math.Min(best, stopwatch.Elapsed.TotalSeconds);
        }
        var bytes = Encoding.UTF8.GetByteCount(text);
        output.WriteLine(FormattableString.Invariant($"secrets throughput, plain text without secrets, one thread: {bytes / 1048576.0 / best:F1} MB/s ({bytes / 1048576.0:F1} MB in {best * 1000:F0} ms, best of {rounds}; {found} finding(s))"));
        var samples = new List<double>();
        for (var i = 0; i < 2_000; i++)
        {
            var snippet = Generate(30 * 90, seed: 100 + i);
            var stopwatch = Stopwatch.StartNew();
            _ = SecretsAnalyzer.Find(snippet, "python", out _);
            samples.Add(stopwatch.Elapsed.TotalMilliseconds);
        }
        output.WriteLine($"secrets latency, 30-line snippets: {Percentiles.Of(samples)}");
        return 0;
    }

    private static string Generate(int size, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder(size + 200);
        while (text.Length < size)
        {
            text.Append(Lines[random.Next(Lines.Length)]).Append('\n');
        }
        return text.ToString();
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
    }
}
