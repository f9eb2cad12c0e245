using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waymark.Core.Data.Migrations;

/// <summary>
/// A plan without an R/A/G key records its actions' progress as a status ("On going", "Complete", "Not commenced"), so an
/// update's R/A/G may be empty; and an organisation may print its R/A/G key in its own words.
/// </summary>
[DbContext(typeof(WaymarkDbContext))]
[Migration("20261207130000_PlanProgressAndRagKeyWords")]
public sealed class PlanProgressAndRagKeyWords : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<int>("Progress", "Plans", nullable: false, defaultValue: 0);
        migrationBuilder.AlterColumn<int>("Rag", "ActionUpdates", nullable: true, oldClrType: typeof(int), oldNullable: false);
        migrationBuilder.AddColumn<int>("Status", "ActionUpdates", nullable: true);
        migrationBuilder.AddColumn<string>("RagKeyTitle", "Organisations", maxLength: 200, nullable: true);
        migrationBuilder.AddColumn<string>("RagKeyNote", "Organisations", maxLength: 200, nullable: true);
        migrationBuilder.AddColumn<string>("RagKeyRed", "Organisations", maxLength: 500, nullable: true);
        migrationBuilder.AddColumn<string>("RagKeyAmber", "Organisations", maxLength: 500, nullable: true);
        migrationBuilder.AddColumn<string>("RagKeyGreen", "Organisations", maxLength: 500, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropColumn("RagKeyGreen", "Organisations");
        migrationBuilder.DropColumn("RagKeyAmber", "Organisations");
        migrationBuilder.DropColumn("RagKeyRed", "Organisations");
        migrationBuilder.DropColumn("RagKeyNote", "Organisations");
        migrationBuilder.DropColumn("RagKeyTitle", "Organisations");
        migrationBuilder.DropColumn("Status", "ActionUpdates");
        migrationBuilder.Sql("DELETE FROM \"ActionUpdates\" WHERE \"Rag\" IS NULL");
        migrationBuilder.AlterColumn<int>("Rag", "ActionUpdates", nullable: false, oldClrType: typeof(int), oldNullable: true);
        migrationBuilder.DropColumn("Progress", "Plans");
    }
}
