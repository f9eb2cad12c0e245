namespace Waymark.Web.Tests.Support;

/// <summary>
/// The trait of test classes that prove something of PostgreSQL itself, such as several web nodes on one database:
/// <c>build/test.sh</c> runs them in the PostgreSQL pass only (filter <c>Database!=PostgreSQL</c> on SQLite), where a
/// SQLite file would prove nothing about the production set-up.
/// </summary>
public static class PostgresOnly
{
    public const string Trait = "Database";

    public const string Value = "PostgreSQL";
}
