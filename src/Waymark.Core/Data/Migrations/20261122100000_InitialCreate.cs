using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waymark.Core.Data.Migrations;

/// <summary>
/// Organisations, units, people and posts, and the framework. Written by hand (the EF design tools
/// are not used): column types are left to each provider; the schema drift test checks it against
/// the model on SQLite and PostgreSQL.
/// </summary>
[DbContext(typeof(WaymarkDbContext))]
[Migration("20261122100000_InitialCreate")]
public sealed class InitialCreate : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "Organisations",
            columns: table => new
            {
                Id = table.Identity(),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                ShortName = table.Column<string>(maxLength: 60, nullable: false),
                Slug = table.Column<string>(maxLength: 60, nullable: false),
                Description = table.Column<string>(maxLength: 4000, nullable: true),
                YearStartMonth = table.Column<int>(nullable: false),
                IsDemo = table.Column<bool>(nullable: false),
                PublishFramework = table.Column<bool>(nullable: false),
                Version = table.Version(),
            },
            constraints: table => table.PrimaryKey("PK_Organisations", x => x.Id));
        migrationBuilder.CreateIndex("IX_Organisations_Slug", "Organisations", "Slug", unique: true);

        migrationBuilder.CreateTable(
            name: "People",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Kind = table.Column<int>(nullable: false),
                UnitId = table.Column<int>(nullable: true),
                Version = table.Version(),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_People", x => x.Id);
                table.OwnedBy("People", x => x.OrganisationId);
            });
        migrationBuilder.CreateIndex("IX_People_OrganisationId", "People", "OrganisationId");

        migrationBuilder.CreateTable(
            name: "Units",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                ParentId = table.Column<int>(nullable: true),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Kind = table.Column<string>(maxLength: 60, nullable: true),
                Description = table.Column<string>(maxLength: 4000, nullable: true),
                HeadPostId = table.Column<int>(nullable: true),
                SortOrder = table.Column<int>(nullable: false),
                Version = table.Version(),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Units", x => x.Id);
                table.OwnedBy("Units", x => x.OrganisationId);
                table.ForeignKey("FK_Units_Units_ParentId", x => x.ParentId,
                    "Units", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Units_OrganisationId", "Units", "OrganisationId");
        migrationBuilder.CreateIndex("IX_Units_ParentId", "Units", "ParentId");
        migrationBuilder.CreateIndex("IX_Units_HeadPostId", "Units", "HeadPostId");
        migrationBuilder.AddForeignKey("FK_People_Units_UnitId", "People", "UnitId",
            "Units", principalColumn: "Id", onDelete: ReferentialAction.SetNull);
        migrationBuilder.CreateIndex("IX_People_UnitId", "People", "UnitId");

        migrationBuilder.CreateTable(
            name: "Posts",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                UnitId = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                HolderId = table.Column<int>(nullable: true),
                SortOrder = table.Column<int>(nullable: false),
                Version = table.Version(),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Posts", x => x.Id);
                table.OwnedBy("Posts", x => x.OrganisationId);
                table.ForeignKey("FK_Posts_Units_UnitId", x => x.UnitId,
                    "Units", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Posts_People_HolderId", x => x.HolderId,
                    "People", "Id", onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex("IX_Posts_OrganisationId", "Posts", "OrganisationId");
        migrationBuilder.CreateIndex("IX_Posts_UnitId", "Posts", "UnitId");
        migrationBuilder.CreateIndex("IX_Posts_HolderId", "Posts", "HolderId");

        // Units and posts point at each other (a unit's head is one of its posts).
        migrationBuilder.AddForeignKey("FK_Units_Posts_HeadPostId", "Units", "HeadPostId",
            "Posts", principalColumn: "Id", onDelete: ReferentialAction.SetNull);

        migrationBuilder.CreateTable(
            name: "PortfolioHolders",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                UnitId = table.Column<int>(nullable: false),
                PersonId = table.Column<int>(nullable: false),
                Portfolio = table.Column<string>(maxLength: 200, nullable: false),
                Note = table.Column<string>(maxLength: 200, nullable: true),
                SortOrder = table.Column<int>(nullable: false),
                Version = table.Version(),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PortfolioHolders", x => x.Id);
                table.OwnedBy("PortfolioHolders", x => x.OrganisationId);
                table.ForeignKey("FK_PortfolioHolders_Units_UnitId", x => x.UnitId,
                    "Units", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_PortfolioHolders_People_PersonId", x => x.PersonId,
                    "People", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_PortfolioHolders_OrganisationId", "PortfolioHolders", "OrganisationId");
        migrationBuilder.CreateIndex("IX_PortfolioHolders_UnitId", "PortfolioHolders", "UnitId");
        migrationBuilder.CreateIndex("IX_PortfolioHolders_PersonId", "PortfolioHolders", "PersonId");

        migrationBuilder.CreateTable(
            name: "FrameworkLevels",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                Key = table.Column<string>(maxLength: 60, nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                PluralName = table.Column<string>(maxLength: 100, nullable: false),
                Description = table.Column<string>(maxLength: 2000, nullable: true),
                SortOrder = table.Column<int>(nullable: false),
                Version = table.Version(),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_FrameworkLevels", x => x.Id);
                table.OwnedBy("FrameworkLevels", x => x.OrganisationId);
            });
        migrationBuilder.CreateIndex("IX_FrameworkLevels_OrganisationId_Key", "FrameworkLevels",
            ["OrganisationId", "Key"], unique: true);

        migrationBuilder.CreateTable(
            name: "Objectives",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                LevelId = table.Column<int>(nullable: false),
                ParentId = table.Column<int>(nullable: true),
                Reference = table.Column<string>(maxLength: 40, nullable: true),
                Title = table.Column<string>(maxLength: 1000, nullable: false),
                Description = table.Column<string>(maxLength: 8000, nullable: true),
                UnitId = table.Column<int>(nullable: true),
                OwnerPostId = table.Column<int>(nullable: true),
                OwnerPersonId = table.Column<int>(nullable: true),
                StartPeriod = table.Period(nullable: true),
                EndPeriod = table.Period(nullable: true),
                SortOrder = table.Column<int>(nullable: false),
                Version = table.Version(),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Objectives", x => x.Id);
                table.OwnedBy("Objectives", x => x.OrganisationId);
                table.ForeignKey("FK_Objectives_FrameworkLevels_LevelId", x => x.LevelId,
                    "FrameworkLevels", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Objectives_Objectives_ParentId", x => x.ParentId,
                    "Objectives", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Objectives_Units_UnitId", x => x.UnitId,
                    "Units", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_Objectives_Posts_OwnerPostId", x => x.OwnerPostId,
                    "Posts", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_Objectives_People_OwnerPersonId", x => x.OwnerPersonId,
                    "People", "Id", onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex("IX_Objectives_OrganisationId", "Objectives", "OrganisationId");
        migrationBuilder.CreateIndex("IX_Objectives_LevelId", "Objectives", "LevelId");
        migrationBuilder.CreateIndex("IX_Objectives_ParentId", "Objectives", "ParentId");
        migrationBuilder.CreateIndex("IX_Objectives_UnitId", "Objectives", "UnitId");
        migrationBuilder.CreateIndex("IX_Objectives_OwnerPostId", "Objectives", "OwnerPostId");
        migrationBuilder.CreateIndex("IX_Objectives_OwnerPersonId", "Objectives", "OwnerPersonId");

        migrationBuilder.CreateTable(
            name: "ObjectiveLinks",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                FromObjectiveId = table.Column<int>(nullable: false),
                ToObjectiveId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ObjectiveLinks", x => x.Id);
                table.OwnedBy("ObjectiveLinks", x => x.OrganisationId);
                table.ForeignKey("FK_ObjectiveLinks_Objectives_FromObjectiveId", x => x.FromObjectiveId,
                    "Objectives", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ObjectiveLinks_Objectives_ToObjectiveId", x => x.ToObjectiveId,
                    "Objectives", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ObjectiveLinks_OrganisationId", "ObjectiveLinks", "OrganisationId");
        migrationBuilder.CreateIndex("IX_ObjectiveLinks_FromObjectiveId_ToObjectiveId", "ObjectiveLinks",
            ["FromObjectiveId", "ToObjectiveId"], unique: true);
        migrationBuilder.CreateIndex("IX_ObjectiveLinks_ToObjectiveId", "ObjectiveLinks", "ToObjectiveId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("ObjectiveLinks");
        migrationBuilder.DropTable("Objectives");
        migrationBuilder.DropTable("FrameworkLevels");
        migrationBuilder.DropTable("PortfolioHolders");
        migrationBuilder.DropForeignKey("FK_Units_Posts_HeadPostId", "Units");
        migrationBuilder.DropForeignKey("FK_People_Units_UnitId", "People");
        migrationBuilder.DropTable("Posts");
        migrationBuilder.DropTable("Units");
        migrationBuilder.DropTable("People");
        migrationBuilder.DropTable("Organisations");
    }
}
