using System.Text;
using Portcullis.Ledger;
using Portcullis.Ledger.Entries;
using LedgerLog = Portcullis.Ledger.Ledger;

namespace Portcullis.Gate.Recording;

/// <summary>
/// The gate's decision log over the real <see cref="LedgerLog"/>: appends share the ledger's group commit
/// (one durable transaction and one signed checkpoint per batch), receipts carry that checkpoint, and
/// proofs are RFC 6962 audit paths to the root of the latest signed checkpoint. The ledger lives in the
/// gate's data folder (signing key, trust anchor, SQLite file) or in the gate's PostgreSQL database.
/// </summary>
public sealed class LedgerDecisionLog : IDecisionLog, IDisposable
{
    private readonly LedgerLog _ledger;
    private int _disposed;

    public LedgerDecisionLog(LedgerLog ledger)
    {
        _ledger = ledger;
    }

    /// <summary>Opens (or creates) the ledger of a gate: SQLite in the data folder, or the given PostgreSQL.</summary>
    public static LedgerDecisionLog Open(string dataDirectory, string? postgresConnectionString, TimeProvider time) =>
        new(LedgerLog.Open(new LedgerOptions(dataDirectory) { PostgresConnectionString = postgresConnectionString, TimeProvider = time }));

    public LedgerLog Underlying => _ledger;

    public long Size
    {
        get
        {
            ThrowIfDisposed();
            return _ledger.Count;
        }
    }

    public string LatestCheckpoint
    {
        get
        {
            ThrowIfDisposed();
            return _ledger.LatestCheckpoint()?.Text ?? "";
        }
    }

    public LogReceipt Append(LedgerEntry entry) => AppendAsync(entry).GetAwaiter().GetResult();

    public async Task<LogReceipt> AppendAsync(LedgerEntry entry)
    {
        ThrowIfDisposed();
        var receipt = await _ledger.AppendAsync(entry).ConfigureAwait(false);
        return new LogReceipt(receipt.Index, Convert.ToHexStringLower(receipt.LeafHash), receipt.Checkpoint.Text);
    }

    public ReceiptProof? Prove(long index)
    {
        ThrowIfDisposed();
        if (index < 0)
        {
            return null;
        }
        var checkpoint = _ledger.LatestCheckpoint();
        if (checkpoint is null || index >= checkpoint.Checkpoint.Size)
        {
            // Every append signs a checkpoint that covers it; only rows imported without one are
            // beyond the latest. Sign one now rather than prove against an unsigned root.
            if (index >= _ledger.Count)
            {
                return null;
            }
            checkpoint = _ledger.Checkpoint();
        }
        var size = checkpoint.Checkpoint.Size;
        var proof = _ledger.Prove(index, size);
        return new ReceiptProof(
            index,
            size,
            Convert.ToHexStringLower(proof.LeafHash),
            proof.Hashes.Select(Convert.ToHexStringLower).ToList(),
            Convert.ToHexStringLower(checkpoint.Checkpoint.RootHash),
            checkpoint.Text);
    }

    public LoggedEntry? Read(long index)
    {
        ThrowIfDisposed();
        if (index < 0 || _ledger.Read(index) is not { } record)
        {
            return null;
        }
        return new LoggedEntry(index, record.Kind, record.Entry?.Actor, record.Body is null ? null : Encoding.UTF8.GetString(record.Body));
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _ledger.Dispose();
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
}
