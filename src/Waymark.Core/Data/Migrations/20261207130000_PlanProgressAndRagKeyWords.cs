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
        if (ActiveProvider == Sqlite)
        {
            RebuildActionUpdates(migrationBuilder, ragNullable: true);
        }
        else
        {
            migrationBuilder.AlterColumn<int>("Rag", "ActionUpdates", nullable: true, oldClrType: typeof(int), oldNullable: false);
            migrationBuilder.AddColumn<int>("Status", "ActionUpdates", nullable: true);
        }
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
        migrationBuilder.Sql("DELETE FROM \"ActionUpdates\" WHERE \"Rag\" IS NULL");
        if (ActiveProvider == Sqlite)
        {
            RebuildActionUpdates(migrationBuilder, ragNullable: false);
        }
        else
        {
            migrationBuilder.DropColumn("Status", "ActionUpdates");
            migrationBuilder.AlterColumn<int>("Rag", "ActionUpdates", nullable: false, oldClrType: typeof(int), oldNullable: true);
        }

        migrationBuilder.DropColumn("Progress", "Plans");
    }

    private const string Sqlite = "Microsoft.EntityFrameworkCore.Sqlite";

    /// <summary>
    /// SQLite cannot change a column's nullability in place, so the table is built anew (with Status when Rag may be
    /// empty, as before without it), its rows copied across, and the old one dropped. Nothing references its rows.
    /// </summary>
    private static void RebuildActionUpdates(MigrationBuilder migrationBuilder, bool ragNullable)
    {
        migrationBuilder.DropIndex("IX_ActionUpdates_OrganisationId", "ActionUpdates");
        migrationBuilder.DropIndex("IX_ActionUpdates_ActionId_Quarter", "ActionUpdates");
        migrationBuilder.RenameTable("ActionUpdates", newName: "ActionUpdatesBefore");
        if (ragNullable)
        {
            migrationBuilder.CreateTable(
                name: "ActionUpdates",
                columns: table => new
                {
                    Id = table.Identity(),
                    OrganisationId = table.OrganisationId(),
                    ActionId = table.Column<int>(nullable: false),
                    Quarter = table.Period(nullable: false),
                    Rag = table.Column<int>(nullable: true),
                    Status = table.Column<int>(nullable: true),
                    Commentary = table.Column<string>(maxLength: 8000, nullable: true),
                    ByUserId = table.Column<int>(nullable: true),
                    ByName = table.Column<string>(maxLength: 200, nullable: false),
                    At = table.Column<DateTimeOffset>(nullable: false),
                    IsDemonstration = table.Column<bool>(nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionUpdates", x => x.Id);
                    table.OwnedBy("ActionUpdates", x => x.OrganisationId);
                    table.ForeignKey("FK_ActionUpdates_Actions_ActionId", x => x.ActionId, "Actions", "Id", onDelete: ReferentialAction.Cascade);
                });
        }
        else
        {
            migrationBuilder.CreateTable(
                name: "ActionUpdates",
                columns: table => new
                {
                    Id = table.Identity(),
                    OrganisationId = table.OrganisationId(),
                    ActionId = table.Column<int>(nullable: false),
                    Quarter = table.Period(nullable: false),
                    Rag = table.Column<int>(nullable: false),
                    Commentary = table.Column<string>(maxLength: 8000, nullable: true),
                    ByUserId = table.Column<int>(nullable: true),
                    ByName = table.Column<string>(maxLength: 200, nullable: false),
                    At = table.Column<DateTimeOffset>(nullable: false),
                    IsDemonstration = table.Column<bool>(nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionUpdates", x => x.Id);
                    table.OwnedBy("ActionUpdates", x => x.OrganisationId);
                    table.ForeignKey("FK_ActionUpdates_Actions_ActionId", x => x.ActionId, "Actions", "Id", onDelete: ReferentialAction.Cascade);
                });
        }

        migrationBuilder.Sql(
            "INSERT INTO \"ActionUpdates\" (\"Id\", \"OrganisationId\", \"ActionId\", \"Quarter\", \"Rag\", \"Commentary\", \"ByUserId\", \"ByName\", \"At\", \"IsDemonstration\") "
            + "SELECT \"Id\", \"OrganisationId\", \"ActionId\", \"Quarter\", \"Rag\", \"Commentary\", \"ByUserId\", \"ByName\", \"At\", \"IsDemonstration\" FROM \"ActionUpdatesBefore\"");
        migrationBuilder.DropTable("ActionUpdatesBefore");
        migrationBuilder.CreateIndex("IX_ActionUpdates_OrganisationId", "ActionUpdates", "OrganisationId");
        migrationBuilder.CreateIndex("IX_ActionUpdates_ActionId_Quarter", "ActionUpdates", ["ActionId", "Quarter"]);
    }
}
