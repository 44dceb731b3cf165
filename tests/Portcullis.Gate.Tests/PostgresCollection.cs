namespace Portcullis.Gate.Tests;

/// <summary>
/// Tests that open a PostgreSQL ledger run alone, after the rest: Npgsql's synchronous reads are completed
/// through the thread pool, and the other tests' load on that pool can outlast a command's 30 s timeout
/// (see Portcullis.Ledger.Tests.PostgresCollection for the trace that showed it).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PostgresCollection
{
    public const string Name = "PostgreSQL";
}
