using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waymark.Core.Data.Migrations;

/// <summary>
/// Breakdowns: an organisation's places (wards, parishes, towns), and indicators collected per unit or per place, each
/// member with its owner and its own figures, from which the indicator's whole figure is formed.
/// </summary>
[DbContext(typeof(WaymarkDbContext))]
[Migration("20261224090000_Breakdowns")]
public sealed class Breakdowns : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "Places",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Kind = table.Column<string>(maxLength: 100, nullable: true),
                SortOrder = table.Column<int>(nullable: false),
                Version = table.Version(),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Places", x => x.Id);
                table.OwnedBy("Places", x => x.OrganisationId);
            });
        migrationBuilder.CreateIndex("IX_Places_OrganisationId_Name", "Places", ["OrganisationId", "Name"], unique: true);

        migrationBuilder.CreateTable(
            name: "Breakdowns",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                IndicatorId = table.Column<int>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                Version = table.Version(),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Breakdowns", x => x.Id);
                table.OwnedBy("Breakdowns", x => x.OrganisationId);
                table.ForeignKey("FK_Breakdowns_Indicators_IndicatorId", x => x.IndicatorId, "Indicators", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_Breakdowns_OrganisationId", "Breakdowns", "OrganisationId");
        migrationBuilder.CreateIndex("IX_Breakdowns_IndicatorId", "Breakdowns", "IndicatorId", unique: true);

        migrationBuilder.CreateTable(
            name: "BreakdownMembers",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                BreakdownId = table.Column<int>(nullable: false),
                UnitId = table.Column<int>(nullable: true),
                PlaceId = table.Column<int>(nullable: true),
                OwnerPostId = table.Column<int>(nullable: true),
                SortOrder = table.Column<int>(nullable: false),
                Version = table.Version(),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_BreakdownMembers", x => x.Id);
                table.OwnedBy("BreakdownMembers", x => x.OrganisationId);
                table.ForeignKey("FK_BreakdownMembers_Breakdowns_BreakdownId", x => x.BreakdownId, "Breakdowns", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_BreakdownMembers_Units_UnitId", x => x.UnitId, "Units", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_BreakdownMembers_Places_PlaceId", x => x.PlaceId, "Places", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_BreakdownMembers_Posts_OwnerPostId", x => x.OwnerPostId, "Posts", "Id", onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex("IX_BreakdownMembers_OrganisationId", "BreakdownMembers", "OrganisationId");
        migrationBuilder.CreateIndex("IX_BreakdownMembers_BreakdownId_UnitId", "BreakdownMembers", ["BreakdownId", "UnitId"], unique: true);
        migrationBuilder.CreateIndex("IX_BreakdownMembers_BreakdownId_PlaceId", "BreakdownMembers", ["BreakdownId", "PlaceId"], unique: true);
        migrationBuilder.CreateIndex("IX_BreakdownMembers_UnitId", "BreakdownMembers", "UnitId");
        migrationBuilder.CreateIndex("IX_BreakdownMembers_PlaceId", "BreakdownMembers", "PlaceId");
        migrationBuilder.CreateIndex("IX_BreakdownMembers_OwnerPostId", "BreakdownMembers", "OwnerPostId");

        migrationBuilder.CreateTable(
            name: "BreakdownValues",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                MemberId = table.Column<int>(nullable: false),
                Period = table.Period(nullable: false),
                Value = table.Amount(nullable: true),
                Commentary = table.Column<string>(maxLength: 8000, nullable: true),
                EnteredByName = table.Column<string>(maxLength: 200, nullable: true),
                EnteredAt = table.Column<DateTimeOffset>(nullable: true),
                IsDemonstration = table.Column<bool>(nullable: false),
                Version = table.Version(),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_BreakdownValues", x => x.Id);
                table.OwnedBy("BreakdownValues", x => x.OrganisationId);
                table.ForeignKey("FK_BreakdownValues_BreakdownMembers_MemberId", x => x.MemberId, "BreakdownMembers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_BreakdownValues_OrganisationId", "BreakdownValues", "OrganisationId");
        migrationBuilder.CreateIndex("IX_BreakdownValues_MemberId_Period", "BreakdownValues", ["MemberId", "Period"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("BreakdownValues");
        migrationBuilder.DropTable("BreakdownMembers");
        migrationBuilder.DropTable("Breakdowns");
        migrationBuilder.DropTable("Places");
    }
}
