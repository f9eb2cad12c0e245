using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waymark.Core.Data.Migrations;

/// <summary>
/// Risk reviews join monitoring rounds: a return item can ask for a risk's review, so the item names the risk
/// (removed with it, as the round's other items go with their records).
/// </summary>
[DbContext(typeof(WaymarkDbContext))]
[Migration("20261221090000_RiskReviewReturnItems")]
public sealed class RiskReviewReturnItems : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        if (ActiveProvider == Sqlite)
        {
            // SQLite adds a foreign key only with its column (EF cannot add one to an existing table there).
            migrationBuilder.Sql("ALTER TABLE \"RoundReturnItems\" ADD COLUMN \"RiskId\" INTEGER NULL "
                + "CONSTRAINT \"FK_RoundReturnItems_Risks_RiskId\" REFERENCES \"Risks\" (\"Id\") ON DELETE CASCADE;");
        }
        else
        {
            migrationBuilder.AddColumn<int>("RiskId", "RoundReturnItems", nullable: true);
            migrationBuilder.AddForeignKey("FK_RoundReturnItems_Risks_RiskId", "RoundReturnItems", "RiskId",
                "Risks", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
        }

        migrationBuilder.CreateIndex("IX_RoundReturnItems_RiskId", "RoundReturnItems", "RiskId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropIndex("IX_RoundReturnItems_RiskId", "RoundReturnItems");
        if (ActiveProvider != Sqlite)
        {
            migrationBuilder.DropForeignKey("FK_RoundReturnItems_Risks_RiskId", "RoundReturnItems");
        }

        // On SQLite EF rebuilds the table without the column (and so without its foreign key).
        migrationBuilder.DropColumn("RiskId", "RoundReturnItems");
    }

    private const string Sqlite = "Microsoft.EntityFrameworkCore.Sqlite";
}
