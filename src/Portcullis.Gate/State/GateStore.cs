using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Portcullis.Gate.State;

/// <summary>
/// The gate's working state — token hashes, overrides, policy versions, blocked findings — in SQLite
/// (the data folder) or PostgreSQL (shared by several replicas). The ledger is the record; this is
/// the index the service answers from. Plain SQL that both databases accept, parameters by name.
/// </summary>
public sealed class GateStore
{
    private static readonly string[] Schema =
    [
        "CREATE TABLE IF NOT EXISTS gate_tokens (id TEXT PRIMARY KEY, hash TEXT NOT NULL, role TEXT NOT NULL, subject TEXT NOT NULL, task TEXT NULL, repository TEXT NULL, git_ref TEXT NULL, issued_at TEXT NOT NULL, expires_at TEXT NOT NULL, revoked_at TEXT NULL, issued_by TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS gate_overrides (id TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, rule_id TEXT NOT NULL, severity TEXT NOT NULL, cwe TEXT NOT NULL, repository TEXT NULL, reason TEXT NOT NULL, requested_by TEXT NOT NULL, requested_at TEXT NOT NULL, expires_at TEXT NOT NULL, needs_approval BIGINT NOT NULL, approved_by TEXT NULL, approved_at TEXT NULL)",
        "CREATE INDEX IF NOT EXISTS gate_overrides_fingerprint ON gate_overrides (fingerprint)",
        "CREATE TABLE IF NOT EXISTS gate_policies (version BIGINT PRIMARY KEY, digest TEXT NOT NULL, text TEXT NOT NULL, activated_at TEXT NOT NULL, activated_by TEXT NOT NULL, approved_by TEXT NULL)",
        "CREATE TABLE IF NOT EXISTS gate_policy_proposals (id TEXT PRIMARY KEY, version BIGINT NOT NULL, digest TEXT NOT NULL, text TEXT NOT NULL, proposed_by TEXT NOT NULL, proposed_at TEXT NOT NULL, reasons TEXT NOT NULL, status TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS gate_blocked_findings (fingerprint TEXT PRIMARY KEY, rule_id TEXT NOT NULL, severity TEXT NOT NULL, cwe TEXT NOT NULL, repository TEXT NULL, first_seen TEXT NOT NULL)",
    ];

    private readonly Func<DbConnection> _connect;

    private GateStore(Func<DbConnection> connect)
    {
        _connect = connect;
        using var connection = Open();
        foreach (var statement in Schema)
        {
            Execute(connection, statement);
        }
    }

    public static GateStore OpenSqlite(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "gate.db"), Pooling = true, DefaultTimeout = 30 }.ToString();
        using (var connection = new SqliteConnection(connectionString))
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode=WAL");
        }
        return new GateStore(() => new SqliteConnection(connectionString));
    }

    public static GateStore OpenPostgres(string connectionString)
    {
        var source = NpgsqlDataSource.Create(connectionString);
        return new GateStore(source.CreateConnection);
    }

    public DbConnection Open()
    {
        var connection = _connect();
        connection.Open();
        return connection;
    }

    public int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = Open();
        using var command = Command(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    public List<T> Query<T>(string sql, Func<DbDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        using var connection = Open();
        using var command = Command(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }
        return rows;
    }

    public static DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>Times are stored as fixed-width UTC ISO-8601 text, which sorts and compares as text.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
