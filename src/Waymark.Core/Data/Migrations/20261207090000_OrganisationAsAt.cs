using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waymark.Core.Data.Migrations;

/// <summary>
/// An organisation may run as at a fixed date instead of today, so that the demonstration councils live in one
/// quarter of their own plans' years.
/// </summary>
[DbContext(typeof(WaymarkDbContext))]
[Migration("20261207090000_OrganisationAsAt")]
public sealed class OrganisationAsAt : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<DateOnly>("AsAt", "Organisations", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropColumn("AsAt", "Organisations");
    }
}
