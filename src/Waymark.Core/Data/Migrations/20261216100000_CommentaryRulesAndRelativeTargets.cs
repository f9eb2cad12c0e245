using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waymark.Core.Data.Migrations;

/// <summary>
/// Commentary rules: an organisation may require commentary for a Red or Amber entry and, for a Red one, what is being
/// done about it (kept on values, their history, and action updates). Targets may be an improvement on last year's
/// figure. The demonstration councils start with both rules on, as newly loaded ones do; an administrator may change
/// them afterwards.
/// </summary>
[DbContext(typeof(WaymarkDbContext))]
[Migration("20261216100000_CommentaryRulesAndRelativeTargets")]
public sealed class CommentaryRulesAndRelativeTargets : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<bool>("CommentaryWhenRedOrAmber", "Organisations", nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<bool>("RemedialWhenRed", "Organisations", nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<string>("Remedial", "IndicatorValues", maxLength: 8000, nullable: true);
        migrationBuilder.AddColumn<string>("Remedial", "IndicatorValueEvents", maxLength: 8000, nullable: true);
        migrationBuilder.AddColumn<string>("Remedial", "ActionUpdates", maxLength: 8000, nullable: true);
        migrationBuilder.AddColumn<int>("Kind", "IndicatorTargets", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<decimal>("RelativeAmount", "IndicatorTargets", precision: 28, scale: 10, nullable: true);

        // The same statement on both providers (SQLite keeps TRUE as 1).
        migrationBuilder.Sql("""UPDATE "Organisations" SET "CommentaryWhenRedOrAmber" = TRUE, "RemedialWhenRed" = TRUE WHERE "IsDemo" = TRUE;""");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropColumn("RelativeAmount", "IndicatorTargets");
        migrationBuilder.DropColumn("Kind", "IndicatorTargets");
        migrationBuilder.DropColumn("Remedial", "ActionUpdates");
        migrationBuilder.DropColumn("Remedial", "IndicatorValueEvents");
        migrationBuilder.DropColumn("Remedial", "IndicatorValues");
        migrationBuilder.DropColumn("RemedialWhenRed", "Organisations");
        migrationBuilder.DropColumn("CommentaryWhenRedOrAmber", "Organisations");
    }
}
