using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waymark.Core.Data.Migrations;

/// <summary>
/// "Round closing soon": how many working days before the returns deadline owners with returns still to submit are told,
/// set by each organisation with its other round settings.
/// </summary>
[DbContext(typeof(WaymarkDbContext))]
[Migration("20261217090000_RoundClosingSoon")]
public sealed class RoundClosingSoon : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<int>("ClosingSoonWorkingDays", "Organisations", nullable: false, defaultValue: 3);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropColumn("ClosingSoonWorkingDays", "Organisations");
    }
}
