using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Portcullis.Core;

namespace Portcullis.Gate.Metrics;

/// <summary>
/// What <c>GET /metrics</c> reports in Prometheus text format: scans, verdicts by submission kind,
/// findings by severity and CWE, scan latency by kind, overrides, and the decision log's size.
/// </summary>
public sealed class GateMetrics
{
    private readonly ConcurrentDictionary<(string Kind, string Verdict), long> _verdicts = new();
    private readonly ConcurrentDictionary<string, long> _severities = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _cwes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _overrides = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LatencyHistogram> _latency = new(StringComparer.Ordinal);
    private long _scans;

    public void RecordScan(string kind, Verdict verdict, IEnumerable<Finding> findings, TimeSpan duration)
    {
        Interlocked.Increment(ref _scans);
        _verdicts.AddOrUpdate((kind, verdict.ToString().ToLowerInvariant()), 1, (_, n) => n + 1);
        foreach (var finding in findings)
        {
            _severities.AddOrUpdate(finding.Severity.ToString().ToLowerInvariant(), 1, (_, n) => n + 1);
            foreach (var cwe in finding.Taxonomy.Cwe)
            {
                _cwes.AddOrUpdate(cwe, 1, (_, n) => n + 1);
            }
        }
        _latency.GetOrAdd(kind, _ => new LatencyHistogram()).Observe(duration);
    }

    /// <param name="step">requested, approved, or applied (a scan let a finding through).</param>
    public void RecordOverride(string step) => _overrides.AddOrUpdate(step, 1, (_, n) => n + 1);

    public string Render(long ledgerSize)
    {
        var text = new StringBuilder();
        Counter(text, "portcullis_scans_total", "Scan decisions answered.", [("", Interlocked.Read(ref _scans))]);
        Counter(text, "portcullis_verdicts_total", "Scan verdicts by submission kind.", _verdicts.OrderBy(p => p.Key).Select(p => ($"kind=\"{p.Key.Kind}\",verdict=\"{p.Key.Verdict}\"", p.Value)));
        Counter(text, "portcullis_findings_total", "Findings by severity.", _severities.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => ($"severity=\"{p.Key}\"", p.Value)));
        Counter(text, "portcullis_findings_by_cwe_total", "Findings by CWE.", _cwes.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => ($"cwe=\"{p.Key}\"", p.Value)));
        Counter(text, "portcullis_overrides_total", "Override steps: requested, approved, applied.", _overrides.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => ($"step=\"{p.Key}\"", p.Value)));
        text.Append("# HELP portcullis_scan_duration_seconds Time to decide one scan, by submission kind.\n# TYPE portcullis_scan_duration_seconds histogram\n");
        foreach (var (kind, histogram) in _latency.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            histogram.Write(text, "portcullis_scan_duration_seconds", $"kind=\"{kind}\"");
        }
        text.Append("# HELP portcullis_ledger_entries Entries in the decision log.\n# TYPE portcullis_ledger_entries gauge\n");
        text.Append(CultureInfo.InvariantCulture, $"portcullis_ledger_entries {ledgerSize}\n");
        return text.ToString();
    }

    private static void Counter(StringBuilder text, string name, string help, IEnumerable<(string Labels, long Value)> series)
    {
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} counter\n");
        foreach (var (labels, value) in series)
        {
            text.Append(CultureInfo.InvariantCulture, $"{name}{(labels.Length == 0 ? "" : "{" + labels + "}")} {value}\n");
        }
    }
}
