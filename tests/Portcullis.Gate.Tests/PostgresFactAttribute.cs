namespace Portcullis.Gate.Tests;

/// <summary>
/// A test against a real PostgreSQL: it runs when PORTCULLIS_TEST_POSTGRES holds a connection string
/// (<c>eval "$(.ci/start-postgres.sh)"</c> sets it) and is reported as skipped, with that instruction, otherwise.
/// </summary>
internal sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "PORTCULLIS_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"{Variable} is not set: run eval \"$(.ci/start-postgres.sh)\" to test the gate on a real PostgreSQL";
        }
    }
}
