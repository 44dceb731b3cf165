namespace Portcullis.Ledger.Tests;

/// <summary>
/// The PostgreSQL tests run alone, after the rest. Npgsql's synchronous reads wait for the socket engine,
/// which completes them on the thread pool; the tamper test's parallel verification once kept that pool
/// busy for longer than a command's 30 s timeout (a trace showed the store's CREATE TABLE waiting there,
/// not on the server).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PostgresCollection
{
    public const string Name = "PostgreSQL";
}
