using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waymark.Core.Data.Migrations;

/// <summary>
/// Baskets: named, ordered selections of indicators, actions and milestones (the corporate scorecard, the Health
/// Card), with the groups they are listed under, reported together for a period.
/// </summary>
[DbContext(typeof(WaymarkDbContext))]
[Migration("20261223090000_Baskets")]
public sealed class Baskets : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "Baskets",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                Title = table.Column<string>(maxLength: 500, nullable: false),
                Description = table.Column<string>(maxLength: 8000, nullable: true),
                Kind = table.Column<int>(nullable: false),
                AudienceNote = table.Column<string>(maxLength: 2000, nullable: true),
                OwnerPostId = table.Column<int>(nullable: true),
                SortOrder = table.Column<int>(nullable: false),
                IsDemonstration = table.Column<bool>(nullable: false),
                Version = table.Version(),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Baskets", x => x.Id);
                table.OwnedBy("Baskets", x => x.OrganisationId);
                table.ForeignKey("FK_Baskets_Posts_OwnerPostId", x => x.OwnerPostId, "Posts", "Id", onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex("IX_Baskets_OrganisationId_SortOrder", "Baskets", ["OrganisationId", "SortOrder"]);
        migrationBuilder.CreateIndex("IX_Baskets_OwnerPostId", "Baskets", "OwnerPostId");

        migrationBuilder.CreateTable(
            name: "BasketGroups",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                BasketId = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 500, nullable: false),
                SortOrder = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_BasketGroups", x => x.Id);
                table.OwnedBy("BasketGroups", x => x.OrganisationId);
                table.ForeignKey("FK_BasketGroups_Baskets_BasketId", x => x.BasketId, "Baskets", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_BasketGroups_OrganisationId", "BasketGroups", "OrganisationId");
        migrationBuilder.CreateIndex("IX_BasketGroups_BasketId", "BasketGroups", "BasketId");

        migrationBuilder.CreateTable(
            name: "BasketItems",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                BasketId = table.Column<int>(nullable: false),
                GroupId = table.Column<int>(nullable: true),
                Kind = table.Column<int>(nullable: false),
                IndicatorId = table.Column<int>(nullable: true),
                ActionId = table.Column<int>(nullable: true),
                MilestoneId = table.Column<int>(nullable: true),
                SortOrder = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_BasketItems", x => x.Id);
                table.OwnedBy("BasketItems", x => x.OrganisationId);
                table.ForeignKey("FK_BasketItems_Baskets_BasketId", x => x.BasketId, "Baskets", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_BasketItems_BasketGroups_GroupId", x => x.GroupId, "BasketGroups", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_BasketItems_Indicators_IndicatorId", x => x.IndicatorId, "Indicators", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_BasketItems_Actions_ActionId", x => x.ActionId, "Actions", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_BasketItems_Milestones_MilestoneId", x => x.MilestoneId, "Milestones", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_BasketItems_OrganisationId", "BasketItems", "OrganisationId");
        migrationBuilder.CreateIndex("IX_BasketItems_BasketId_IndicatorId", "BasketItems", ["BasketId", "IndicatorId"], unique: true);
        migrationBuilder.CreateIndex("IX_BasketItems_BasketId_ActionId", "BasketItems", ["BasketId", "ActionId"], unique: true);
        migrationBuilder.CreateIndex("IX_BasketItems_BasketId_MilestoneId", "BasketItems", ["BasketId", "MilestoneId"], unique: true);
        migrationBuilder.CreateIndex("IX_BasketItems_GroupId", "BasketItems", "GroupId");
        migrationBuilder.CreateIndex("IX_BasketItems_IndicatorId", "BasketItems", "IndicatorId");
        migrationBuilder.CreateIndex("IX_BasketItems_ActionId", "BasketItems", "ActionId");
        migrationBuilder.CreateIndex("IX_BasketItems_MilestoneId", "BasketItems", "MilestoneId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("BasketItems");
        migrationBuilder.DropTable("BasketGroups");
        migrationBuilder.DropTable("Baskets");
    }
}
