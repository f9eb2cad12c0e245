namespace Waymark.Web.Tests.Support;

/// <summary>
/// The trait of test classes that check routing, policies and rules, which are the same on either database: the
/// authorization matrix, the write-audit recipes and the output-encoding crawl. They take minutes, so
/// <c>build/test.sh</c> runs them in the SQLite pass only (filter <c>Database!=Independent</c> on PostgreSQL) and fails if
/// they did not run there.
/// </summary>
public static class DatabaseIndependent
{
    public const string Trait = "Database";

    public const string Value = "Independent";
}
