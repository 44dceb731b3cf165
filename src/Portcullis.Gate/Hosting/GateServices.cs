using Portcullis.Analysis.Pipeline;
using Portcullis.Gate.Identity;
using Portcullis.Gate.Metrics;
using Portcullis.Gate.Overrides;
using Portcullis.Gate.Policy;
using Portcullis.Gate.Recording;
using Portcullis.Gate.Scanning;
using Portcullis.Gate.State;

namespace Portcullis.Gate.Hosting;

/// <summary>Everything one gate process holds: state, the decision log, and the services over them.</summary>
public sealed class GateServices : IDisposable
{
    private readonly IDisposable? _ownedLog;

    public GateServices(GateOptions options, ScanEngine engine, GateStore store, IDecisionLog log, DecisionJournal journal, TimeProvider time, bool ownsLog)
    {
        Options = options;
        Store = store;
        Log = log;
        Journal = journal;
        Time = time;
        _ownedLog = ownsLog ? log as IDisposable : null;
        Metrics = new GateMetrics();
        Tokens = new TokenService(store, log, time);
        Policies = new PolicyStore(store, log, time);
        Overrides = new OverrideService(store, log, time);
        Scanner = new GateScanner(engine, Policies, Overrides, log, journal, Metrics, options, time);
        RateLimiter = new TokenRateLimiter(options.RatePerSecond, options.RateBurst, time);
    }

    public GateOptions Options { get; }

    public GateStore Store { get; }

    public IDecisionLog Log { get; }

    public DecisionJournal Journal { get; }

    public TimeProvider Time { get; }

    public GateMetrics Metrics { get; }

    public TokenService Tokens { get; }

    public PolicyStore Policies { get; }

    public OverrideService Overrides { get; }

    public GateScanner Scanner { get; }

    public TokenRateLimiter RateLimiter { get; }

    /// <summary>
    /// Opens the state named by the options: SQLite in the data folder, or PostgreSQL when a connection
    /// string is given. The ledger lives beside it: its signing key, trust anchor and last checkpoint in
    /// the data folder, its entries in the data folder's SQLite file or in the same PostgreSQL database.
    /// </summary>
    public static GateServices Open(GateOptions options, ScanEngine engine, TimeProvider time)
    {
        var store = options.PostgresConnectionString is { } postgres ? GateStore.OpenPostgres(postgres) : GateStore.OpenSqlite(options.DataDirectory);
        var log = LedgerDecisionLog.Open(options.DataDirectory, options.PostgresConnectionString, time);
        var journal = DecisionJournal.OpenFile(options.DecisionLogPath ?? Path.Combine(options.DataDirectory, "decisions.jsonl"));
        return new GateServices(options, engine, store, log, journal, time, ownsLog: true);
    }

    public void Dispose()
    {
        Journal.Dispose();
        _ownedLog?.Dispose();
    }
}
