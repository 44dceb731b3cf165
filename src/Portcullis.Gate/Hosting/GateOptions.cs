using System.Globalization;

namespace Portcullis.Gate.Hosting;

/// <summary>
/// How a gate service runs. Read from an optional JSON file (<c>--config</c>), then environment
/// variables (<c>PORTCULLIS_*</c>), then command-line flags; the later source wins.
/// </summary>
public sealed record GateOptions
{
    public string Listen { get; init; } = "127.0.0.1:8787";

    /// <summary>The data folder: gate state and the decision log when no PostgreSQL is given.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>When set, gate state lives in this PostgreSQL database, shared by every replica.</summary>
    public string? PostgresConnectionString { get; init; }

    /// <summary>The standard's latency test: 2 s for completions.</summary>
    public TimeSpan CompletionDeadline { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The standard's latency test: 10 s for whole files (and functions and patches).</summary>
    public TimeSpan FileDeadline { get; init; } = TimeSpan.FromSeconds(10);

    public long MaxRequestBytes { get; init; } = 1024 * 1024;

    /// <summary>Sustained requests per second per token, and the burst a token may spend at once.</summary>
    public double RatePerSecond { get; init; } = 200;

    public int RateBurst { get; init; } = 400;

    /// <summary>
    /// Scans that run at once; the rest wait their turn in arrival order (within their deadline). More
    /// than the cores only time-slices them, which stretches every scan and most the largest.
    /// </summary>
    public int ScanConcurrency { get; init; } = Environment.ProcessorCount;

    /// <summary>Where evidence 7.2 JSON lines go; null means the data folder's <c>decisions.jsonl</c>.</summary>
    public string? DecisionLogPath { get; init; }

    public TimeSpan DeadlineFor(string kind) => kind == "completion" ? CompletionDeadline : FileDeadline;

    public static GateOptions FromEnvironment(GateOptions options, Func<string, string?> env)
    {
        var result = options;
        if (env("PORTCULLIS_LISTEN") is { Length: > 0 } listen)
        {
            result = result with { Listen = listen };
        }
        if (env("PORTCULLIS_POSTGRES") is { Length: > 0 } postgres)
        {
            result = result with { PostgresConnectionString = postgres };
        }
        if (env("PORTCULLIS_COMPLETION_DEADLINE_MS") is { Length: > 0 } completion)
        {
            result = result with { CompletionDeadline = TimeSpan.FromMilliseconds(PositiveNumber(completion, "PORTCULLIS_COMPLETION_DEADLINE_MS")) };
        }
        if (env("PORTCULLIS_FILE_DEADLINE_MS") is { Length: > 0 } file)
        {
            result = result with { FileDeadline = TimeSpan.FromMilliseconds(PositiveNumber(file, "PORTCULLIS_FILE_DEADLINE_MS")) };
        }
        if (env("PORTCULLIS_MAX_REQUEST_BYTES") is { Length: > 0 } bytes)
        {
            result = result with { MaxRequestBytes = (long)PositiveNumber(bytes, "PORTCULLIS_MAX_REQUEST_BYTES") };
        }
        if (env("PORTCULLIS_RATE_PER_SECOND") is { Length: > 0 } rate)
        {
            result = result with { RatePerSecond = PositiveNumber(rate, "PORTCULLIS_RATE_PER_SECOND") };
        }
        if (env("PORTCULLIS_SCAN_CONCURRENCY") is { Length: > 0 } concurrency)
        {
            result = result with { ScanConcurrency = (int)PositiveNumber(concurrency, "PORTCULLIS_SCAN_CONCURRENCY") };
        }
        if (env("PORTCULLIS_RATE_BURST") is { Length: > 0 } burst)
        {
            result = result with { RateBurst = (int)PositiveNumber(burst, "PORTCULLIS_RATE_BURST") };
        }
        return result;
    }

    public static double PositiveNumber(string text, string what) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value)
            ? value
            : throw new GateConfigurationException($"{what} must be a positive number, not '{text}'");
}
