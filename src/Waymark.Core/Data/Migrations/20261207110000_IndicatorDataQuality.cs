using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waymark.Core.Data.Migrations;

/// <summary>
/// Data-quality guards: an indicator's own lowest and highest values, and a value's (and its history's) record that the
/// person confirmed a value far from its comparators.
/// </summary>
[DbContext(typeof(WaymarkDbContext))]
[Migration("20261207110000_IndicatorDataQuality")]
public sealed class IndicatorDataQuality : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<decimal>("Minimum", "Indicators", precision: 28, scale: 10, nullable: true);
        migrationBuilder.AddColumn<decimal>("Maximum", "Indicators", precision: 28, scale: 10, nullable: true);
        migrationBuilder.AddColumn<bool>("UnusualConfirmed", "IndicatorValues", nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<bool>("UnusualConfirmed", "IndicatorValueEvents", nullable: false, defaultValue: false);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropColumn("UnusualConfirmed", "IndicatorValueEvents");
        migrationBuilder.DropColumn("UnusualConfirmed", "IndicatorValues");
        migrationBuilder.DropColumn("Maximum", "Indicators");
        migrationBuilder.DropColumn("Minimum", "Indicators");
    }
}
