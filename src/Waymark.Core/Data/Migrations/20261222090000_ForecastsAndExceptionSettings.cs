using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waymark.Core.Data.Migrations;

/// <summary>
/// Year-end forecasts and exception settings: an owner may give a year-end forecast with an indicator value, and a lead
/// officer a forecast R/A/G with an action update; an organisation chooses which exception kinds it reports and after
/// how many Red periods running one is persisting (every kind and 3 for existing organisations).
/// </summary>
[DbContext(typeof(WaymarkDbContext))]
[Migration("20261222090000_ForecastsAndExceptionSettings")]
public sealed class ForecastsAndExceptionSettings : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<decimal>("YearEndForecast", "IndicatorValues", precision: 28, scale: 10, nullable: true);
        migrationBuilder.AddColumn<int>("YearEndForecast", "ActionUpdates", nullable: true);
        migrationBuilder.AddColumn<int>("ExceptionKinds", "Organisations", nullable: false, defaultValue: 255);
        migrationBuilder.AddColumn<int>("ExceptionRedPeriods", "Organisations", nullable: false, defaultValue: 3);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropColumn("ExceptionRedPeriods", "Organisations");
        migrationBuilder.DropColumn("ExceptionKinds", "Organisations");
        migrationBuilder.DropColumn("YearEndForecast", "ActionUpdates");
        migrationBuilder.DropColumn("YearEndForecast", "IndicatorValues");
    }
}
