using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waymark.Core.Data.Migrations;

/// <summary>
/// Demonstration councils loaded before organisations could run as at a date get the demo's date (16 January 2012,
/// Q4 2011/12), as newly loaded ones do, so their plans' deadlines are judged in their own years. Runs once: an
/// administrator may change or clear the date afterwards in the organisation's settings.
/// </summary>
[DbContext(typeof(WaymarkDbContext))]
[Migration("20261207100000_DemoCouncilsRunAsAt")]
public sealed class DemoCouncilsRunAsAt : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        // The same statement on both providers: SQLite keeps a DateOnly as 'yyyy-MM-dd' text and TRUE as 1;
        // PostgreSQL reads the literal as a date.
        migrationBuilder.Sql("""UPDATE "Organisations" SET "AsAt" = '2012-01-16' WHERE "IsDemo" = TRUE AND "AsAt" IS NULL;""");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("""UPDATE "Organisations" SET "AsAt" = NULL WHERE "IsDemo" = TRUE AND "AsAt" = '2012-01-16';""");
    }
}
