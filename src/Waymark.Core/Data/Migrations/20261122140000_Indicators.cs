using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waymark.Core.Data.Migrations;

/// <summary>
/// Performance indicators: definitions (with their earlier versions), targets per period, values with their history,
/// the objectives they measure, the inputs of calculated indicators; and the organisation's "values fall due" setting.
/// </summary>
[DbContext(typeof(WaymarkDbContext))]
[Migration("20261122140000_Indicators")]
public sealed class Indicators : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        migrationBuilder.AddColumn<int>("ValuesDueDays", "Organisations", nullable: false, defaultValue: 30);

        migrationBuilder.CreateTable(
            name: "Indicators",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                Code = table.Column<string>(maxLength: 40, nullable: true),
                Title = table.Column<string>(maxLength: 500, nullable: false),
                Definition = table.Column<string>(maxLength: 8000, nullable: true),
                Unit = table.Column<int>(nullable: false),
                DecimalPlaces = table.Column<int>(nullable: false),
                Polarity = table.Column<int>(nullable: false),
                Frequency = table.Column<int>(nullable: false),
                Aggregation = table.Column<int>(nullable: false),
                DataSource = table.Column<string>(maxLength: 500, nullable: true),
                Tags = table.Column<int>(nullable: false),
                UnitId = table.Column<int>(nullable: true),
                DataOwnerPostId = table.Column<int>(nullable: true),
                DataOwnerPersonId = table.Column<int>(nullable: true),
                LeadPostId = table.Column<int>(nullable: true),
                LeadPersonId = table.Column<int>(nullable: true),
                BaselineValue = table.Amount(nullable: true),
                BaselinePeriod = table.Column<string>(maxLength: 40, nullable: true),
                BaselineNote = table.Column<string>(maxLength: 500, nullable: true),
                ToleranceKind = table.Column<int>(nullable: false),
                ToleranceAmount = table.Amount(nullable: false),
                Comparison = table.Column<int>(nullable: false),
                NoChangeThreshold = table.Amount(nullable: true),
                Calculation = table.Column<int>(nullable: false),
                Formula = table.Column<string>(maxLength: 500, nullable: true),
                CollectFrom = table.Period(nullable: true),
                CollectUntil = table.Period(nullable: true),
                DefinitionAppliesFrom = table.Period(nullable: true),
                SortOrder = table.Column<int>(nullable: false),
                Version = table.Version(),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Indicators", x => x.Id);
                table.OwnedBy("Indicators", x => x.OrganisationId);
                table.ForeignKey("FK_Indicators_Units_UnitId", x => x.UnitId, "Units", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_Indicators_Posts_DataOwnerPostId", x => x.DataOwnerPostId, "Posts", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_Indicators_People_DataOwnerPersonId", x => x.DataOwnerPersonId, "People", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_Indicators_Posts_LeadPostId", x => x.LeadPostId, "Posts", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_Indicators_People_LeadPersonId", x => x.LeadPersonId, "People", "Id", onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex("IX_Indicators_OrganisationId_Code", "Indicators", ["OrganisationId", "Code"], unique: true);
        migrationBuilder.CreateIndex("IX_Indicators_UnitId", "Indicators", "UnitId");
        migrationBuilder.CreateIndex("IX_Indicators_DataOwnerPostId", "Indicators", "DataOwnerPostId");
        migrationBuilder.CreateIndex("IX_Indicators_DataOwnerPersonId", "Indicators", "DataOwnerPersonId");
        migrationBuilder.CreateIndex("IX_Indicators_LeadPostId", "Indicators", "LeadPostId");
        migrationBuilder.CreateIndex("IX_Indicators_LeadPersonId", "Indicators", "LeadPersonId");

        migrationBuilder.CreateTable(
            name: "IndicatorTargets",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                IndicatorId = table.Column<int>(nullable: false),
                Period = table.Period(nullable: false),
                Value = table.Amount(nullable: true),
                Text = table.Column<string>(maxLength: 500, nullable: true),
                Version = table.Version(),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_IndicatorTargets", x => x.Id);
                table.OwnedBy("IndicatorTargets", x => x.OrganisationId);
                table.ForeignKey("FK_IndicatorTargets_Indicators_IndicatorId", x => x.IndicatorId, "Indicators", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_IndicatorTargets_OrganisationId", "IndicatorTargets", "OrganisationId");
        migrationBuilder.CreateIndex("IX_IndicatorTargets_IndicatorId_Period", "IndicatorTargets", ["IndicatorId", "Period"], unique: true);

        migrationBuilder.CreateTable(
            name: "IndicatorValues",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                IndicatorId = table.Column<int>(nullable: false),
                Period = table.Period(nullable: false),
                Value = table.Amount(nullable: true),
                NotAvailableReason = table.Column<string>(maxLength: 500, nullable: true),
                Commentary = table.Column<string>(maxLength: 8000, nullable: true),
                EnteredByUserId = table.Column<int>(nullable: true),
                EnteredByName = table.Column<string>(maxLength: 200, nullable: false),
                EnteredAt = table.Column<DateTimeOffset>(nullable: false),
                VerifiedByUserId = table.Column<int>(nullable: true),
                VerifiedByName = table.Column<string>(maxLength: 200, nullable: true),
                VerifiedAt = table.Column<DateTimeOffset>(nullable: true),
                IsDemonstration = table.Column<bool>(nullable: false),
                Version = table.Version(),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_IndicatorValues", x => x.Id);
                table.OwnedBy("IndicatorValues", x => x.OrganisationId);
                table.ForeignKey("FK_IndicatorValues_Indicators_IndicatorId", x => x.IndicatorId, "Indicators", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_IndicatorValues_OrganisationId", "IndicatorValues", "OrganisationId");
        migrationBuilder.CreateIndex("IX_IndicatorValues_IndicatorId_Period", "IndicatorValues", ["IndicatorId", "Period"], unique: true);

        migrationBuilder.CreateTable(
            name: "IndicatorValueEvents",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                IndicatorId = table.Column<int>(nullable: false),
                Period = table.Period(nullable: false),
                Kind = table.Column<int>(nullable: false),
                Value = table.Amount(nullable: true),
                NotAvailableReason = table.Column<string>(maxLength: 500, nullable: true),
                Commentary = table.Column<string>(maxLength: 8000, nullable: true),
                ByUserId = table.Column<int>(nullable: true),
                ByName = table.Column<string>(maxLength: 200, nullable: false),
                At = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_IndicatorValueEvents", x => x.Id);
                table.OwnedBy("IndicatorValueEvents", x => x.OrganisationId);
                table.ForeignKey("FK_IndicatorValueEvents_Indicators_IndicatorId", x => x.IndicatorId, "Indicators", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_IndicatorValueEvents_OrganisationId", "IndicatorValueEvents", "OrganisationId");
        migrationBuilder.CreateIndex("IX_IndicatorValueEvents_IndicatorId_Period", "IndicatorValueEvents", ["IndicatorId", "Period"]);

        migrationBuilder.CreateTable(
            name: "IndicatorDefinitionVersions",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                IndicatorId = table.Column<int>(nullable: false),
                Number = table.Column<int>(nullable: false),
                AppliesFrom = table.Period(nullable: true),
                AppliesUntil = table.Period(nullable: false),
                Code = table.Column<string>(maxLength: 40, nullable: true),
                Title = table.Column<string>(maxLength: 500, nullable: false),
                Definition = table.Column<string>(maxLength: 8000, nullable: true),
                Unit = table.Column<int>(nullable: false),
                DecimalPlaces = table.Column<int>(nullable: false),
                Polarity = table.Column<int>(nullable: false),
                Aggregation = table.Column<int>(nullable: false),
                ToleranceKind = table.Column<int>(nullable: false),
                ToleranceAmount = table.Amount(nullable: false),
                DataSource = table.Column<string>(maxLength: 500, nullable: true),
                ReplacedByName = table.Column<string>(maxLength: 200, nullable: false),
                ReplacedAt = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_IndicatorDefinitionVersions", x => x.Id);
                table.OwnedBy("IndicatorDefinitionVersions", x => x.OrganisationId);
                table.ForeignKey("FK_IndicatorDefinitionVersions_Indicators_IndicatorId", x => x.IndicatorId, "Indicators", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_IndicatorDefinitionVersions_OrganisationId", "IndicatorDefinitionVersions", "OrganisationId");
        migrationBuilder.CreateIndex("IX_IndicatorDefinitionVersions_IndicatorId_Number", "IndicatorDefinitionVersions", ["IndicatorId", "Number"], unique: true);

        migrationBuilder.CreateTable(
            name: "IndicatorObjectives",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                IndicatorId = table.Column<int>(nullable: false),
                ObjectiveId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_IndicatorObjectives", x => x.Id);
                table.OwnedBy("IndicatorObjectives", x => x.OrganisationId);
                table.ForeignKey("FK_IndicatorObjectives_Indicators_IndicatorId", x => x.IndicatorId, "Indicators", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_IndicatorObjectives_Objectives_ObjectiveId", x => x.ObjectiveId, "Objectives", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_IndicatorObjectives_OrganisationId", "IndicatorObjectives", "OrganisationId");
        migrationBuilder.CreateIndex("IX_IndicatorObjectives_IndicatorId_ObjectiveId", "IndicatorObjectives", ["IndicatorId", "ObjectiveId"], unique: true);
        migrationBuilder.CreateIndex("IX_IndicatorObjectives_ObjectiveId", "IndicatorObjectives", "ObjectiveId");

        migrationBuilder.CreateTable(
            name: "IndicatorInputs",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                IndicatorId = table.Column<int>(nullable: false),
                InputIndicatorId = table.Column<int>(nullable: false),
                Variable = table.Column<string>(maxLength: 20, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_IndicatorInputs", x => x.Id);
                table.OwnedBy("IndicatorInputs", x => x.OrganisationId);
                table.ForeignKey("FK_IndicatorInputs_Indicators_IndicatorId", x => x.IndicatorId, "Indicators", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_IndicatorInputs_Indicators_InputIndicatorId", x => x.InputIndicatorId, "Indicators", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_IndicatorInputs_OrganisationId", "IndicatorInputs", "OrganisationId");
        migrationBuilder.CreateIndex("IX_IndicatorInputs_IndicatorId_InputIndicatorId", "IndicatorInputs", ["IndicatorId", "InputIndicatorId"], unique: true);
        migrationBuilder.CreateIndex("IX_IndicatorInputs_InputIndicatorId", "IndicatorInputs", "InputIndicatorId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("IndicatorInputs");
        migrationBuilder.DropTable("IndicatorObjectives");
        migrationBuilder.DropTable("IndicatorDefinitionVersions");
        migrationBuilder.DropTable("IndicatorValueEvents");
        migrationBuilder.DropTable("IndicatorValues");
        migrationBuilder.DropTable("IndicatorTargets");
        migrationBuilder.DropTable("Indicators");
        migrationBuilder.DropColumn("ValuesDueDays", "Organisations");
    }
}
