using System.Globalization;
using System.Text;

namespace Portcullis.Gate.Metrics;

/// <summary>A Prometheus histogram of seconds with fixed buckets, safe for concurrent observers.</summary>
public sealed class LatencyHistogram
{
    private static readonly double[] Bounds = [0.001, 0.0025, 0.005, 0.01, 0.015, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10];
    private readonly long[] _counts = new long[Bounds.Length + 1];
    private long _sumMicros;

    public void Observe(TimeSpan duration)
    {
        var seconds = duration.TotalSeconds;
        var bucket = Array.FindIndex(Bounds, b => seconds <= b);
        Interlocked.Increment(ref _counts[bucket < 0 ? Bounds.Length : bucket]);
        Interlocked.Add(ref _sumMicros, (long)(duration.Ticks / 10));
    }

    public void Write(StringBuilder text, string name, string labels)
    {
        var cumulative = 0L;
        var prefix = labels.Length == 0 ? "" : labels + ",";
        for (var i = 0; i < Bounds.Length; i++)
        {
            cumulative += Interlocked.Read(ref _counts[i]);
            text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{{prefix}le=\"{Bounds[i].ToString(CultureInfo.InvariantCulture)}\"}} {cumulative}\n");
        }
        cumulative += Interlocked.Read(ref _counts[Bounds.Length]);
        text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{{prefix}le=\"+Inf\"}} {cumulative}\n");
        var braces = labels.Length == 0 ? "" : "{" + labels + "}";
        text.Append(CultureInfo.InvariantCulture, $"{name}_sum{braces} {(Interlocked.Read(ref _sumMicros) / 1e6).ToString(CultureInfo.InvariantCulture)}\n");
        text.Append(CultureInfo.InvariantCulture, $"{name}_count{braces} {cumulative}\n");
    }
}
