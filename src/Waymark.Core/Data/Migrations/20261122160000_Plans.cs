using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waymark.Core.Data.Migrations;

/// <summary>
/// Plans and actions: plan types and the section template, plans with their sections, workflow steps, objectives and
/// measures (indicators or milestones), inspection recommendations, and actions with their leads, links, quarterly
/// updates and due-date revisions.
/// </summary>
[DbContext(typeof(WaymarkDbContext))]
[Migration("20261122160000_Plans")]
public sealed class Plans : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "PlanTypes",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                Key = table.Column<string>(maxLength: 60, nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                SortOrder = table.Column<int>(nullable: false),
                Version = table.Version(),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PlanTypes", x => x.Id);
                table.OwnedBy("PlanTypes", x => x.OrganisationId);
            });
        migrationBuilder.CreateIndex("IX_PlanTypes_OrganisationId_Key", "PlanTypes", ["OrganisationId", "Key"], unique: true);

        migrationBuilder.CreateTable(
            name: "SectionTemplates",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                Key = table.Column<string>(maxLength: 60, nullable: false),
                Heading = table.Column<string>(maxLength: 200, nullable: false),
                Guidance = table.Column<string>(maxLength: 2000, nullable: true),
                SortOrder = table.Column<int>(nullable: false),
                Version = table.Version(),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SectionTemplates", x => x.Id);
                table.OwnedBy("SectionTemplates", x => x.OrganisationId);
            });
        migrationBuilder.CreateIndex("IX_SectionTemplates_OrganisationId_Key", "SectionTemplates", ["OrganisationId", "Key"], unique: true);

        migrationBuilder.CreateTable(
            name: "Plans",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                PlanTypeId = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 1000, nullable: false),
                UnitId = table.Column<int>(nullable: true),
                StartYear = table.Period(nullable: false),
                EndYear = table.Period(nullable: false),
                State = table.Column<int>(nullable: false),
                Source = table.Column<string>(maxLength: 2000, nullable: true),
                HeadOfServicePostId = table.Column<int>(nullable: true),
                HeadOfServicePersonId = table.Column<int>(nullable: true),
                RolledFromId = table.Column<int>(nullable: true),
                Version = table.Version(),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Plans", x => x.Id);
                table.OwnedBy("Plans", x => x.OrganisationId);
                table.ForeignKey("FK_Plans_PlanTypes_PlanTypeId", x => x.PlanTypeId, "PlanTypes", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Plans_Units_UnitId", x => x.UnitId, "Units", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_Plans_Posts_HeadOfServicePostId", x => x.HeadOfServicePostId, "Posts", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_Plans_People_HeadOfServicePersonId", x => x.HeadOfServicePersonId, "People", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_Plans_Plans_RolledFromId", x => x.RolledFromId, "Plans", "Id", onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex("IX_Plans_OrganisationId", "Plans", "OrganisationId");
        migrationBuilder.CreateIndex("IX_Plans_PlanTypeId", "Plans", "PlanTypeId");
        migrationBuilder.CreateIndex("IX_Plans_UnitId", "Plans", "UnitId");
        migrationBuilder.CreateIndex("IX_Plans_HeadOfServicePostId", "Plans", "HeadOfServicePostId");
        migrationBuilder.CreateIndex("IX_Plans_HeadOfServicePersonId", "Plans", "HeadOfServicePersonId");
        migrationBuilder.CreateIndex("IX_Plans_RolledFromId", "Plans", "RolledFromId");

        migrationBuilder.CreateTable(
            name: "PlanSections",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                PlanId = table.Column<int>(nullable: false),
                Key = table.Column<string>(maxLength: 60, nullable: false),
                Heading = table.Column<string>(maxLength: 200, nullable: false),
                Body = table.Column<string>(maxLength: 100000, nullable: true),
                SortOrder = table.Column<int>(nullable: false),
                IsCarried = table.Column<bool>(nullable: false),
                Version = table.Version(),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PlanSections", x => x.Id);
                table.OwnedBy("PlanSections", x => x.OrganisationId);
                table.ForeignKey("FK_PlanSections_Plans_PlanId", x => x.PlanId, "Plans", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_PlanSections_OrganisationId", "PlanSections", "OrganisationId");
        migrationBuilder.CreateIndex("IX_PlanSections_PlanId", "PlanSections", "PlanId");

        migrationBuilder.CreateTable(
            name: "PlanSteps",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                PlanId = table.Column<int>(nullable: false),
                From = table.Column<int>(nullable: false),
                To = table.Column<int>(nullable: false),
                Comment = table.Column<string>(maxLength: 2000, nullable: true),
                ByUserId = table.Column<int>(nullable: true),
                ByName = table.Column<string>(maxLength: 200, nullable: false),
                At = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PlanSteps", x => x.Id);
                table.OwnedBy("PlanSteps", x => x.OrganisationId);
                table.ForeignKey("FK_PlanSteps_Plans_PlanId", x => x.PlanId, "Plans", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_PlanSteps_OrganisationId", "PlanSteps", "OrganisationId");
        migrationBuilder.CreateIndex("IX_PlanSteps_PlanId", "PlanSteps", "PlanId");

        migrationBuilder.CreateTable(
            name: "Milestones",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                Title = table.Column<string>(maxLength: 1000, nullable: false),
                OwnerPostId = table.Column<int>(nullable: true),
                OwnerPersonId = table.Column<int>(nullable: true),
                Version = table.Version(),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Milestones", x => x.Id);
                table.OwnedBy("Milestones", x => x.OrganisationId);
                table.ForeignKey("FK_Milestones_Posts_OwnerPostId", x => x.OwnerPostId, "Posts", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_Milestones_People_OwnerPersonId", x => x.OwnerPersonId, "People", "Id", onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex("IX_Milestones_OrganisationId", "Milestones", "OrganisationId");
        migrationBuilder.CreateIndex("IX_Milestones_OwnerPostId", "Milestones", "OwnerPostId");
        migrationBuilder.CreateIndex("IX_Milestones_OwnerPersonId", "Milestones", "OwnerPersonId");

        migrationBuilder.CreateTable(
            name: "MilestoneTargets",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                MilestoneId = table.Column<int>(nullable: false),
                Year = table.Period(nullable: false),
                Text = table.Column<string>(maxLength: 2000, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MilestoneTargets", x => x.Id);
                table.OwnedBy("MilestoneTargets", x => x.OrganisationId);
                table.ForeignKey("FK_MilestoneTargets_Milestones_MilestoneId", x => x.MilestoneId, "Milestones", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_MilestoneTargets_OrganisationId", "MilestoneTargets", "OrganisationId");
        migrationBuilder.CreateIndex("IX_MilestoneTargets_MilestoneId_Year", "MilestoneTargets", ["MilestoneId", "Year"], unique: true);

        migrationBuilder.CreateTable(
            name: "PlanObjectives",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                PlanId = table.Column<int>(nullable: false),
                ObjectiveId = table.Column<int>(nullable: false),
                Role = table.Column<int>(nullable: false),
                Lead = table.Column<string>(maxLength: 2000, nullable: true),
                Resources = table.Column<string>(maxLength: 2000, nullable: true),
                SortOrder = table.Column<int>(nullable: false),
                IsCarried = table.Column<bool>(nullable: false),
                Version = table.Version(),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PlanObjectives", x => x.Id);
                table.OwnedBy("PlanObjectives", x => x.OrganisationId);
                table.ForeignKey("FK_PlanObjectives_Plans_PlanId", x => x.PlanId, "Plans", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_PlanObjectives_Objectives_ObjectiveId", x => x.ObjectiveId, "Objectives", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_PlanObjectives_OrganisationId", "PlanObjectives", "OrganisationId");
        migrationBuilder.CreateIndex("IX_PlanObjectives_PlanId_ObjectiveId", "PlanObjectives", ["PlanId", "ObjectiveId"], unique: true);
        migrationBuilder.CreateIndex("IX_PlanObjectives_ObjectiveId", "PlanObjectives", "ObjectiveId");

        migrationBuilder.CreateTable(
            name: "PlanMeasures",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                PlanObjectiveId = table.Column<int>(nullable: false),
                IndicatorId = table.Column<int>(nullable: true),
                MilestoneId = table.Column<int>(nullable: true),
                Lead = table.Column<string>(maxLength: 2000, nullable: true),
                Resources = table.Column<string>(maxLength: 2000, nullable: true),
                SortOrder = table.Column<int>(nullable: false),
                IsCarried = table.Column<bool>(nullable: false),
                Version = table.Version(),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PlanMeasures", x => x.Id);
                table.OwnedBy("PlanMeasures", x => x.OrganisationId);
                table.ForeignKey("FK_PlanMeasures_PlanObjectives_PlanObjectiveId", x => x.PlanObjectiveId, "PlanObjectives", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_PlanMeasures_Indicators_IndicatorId", x => x.IndicatorId, "Indicators", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_PlanMeasures_Milestones_MilestoneId", x => x.MilestoneId, "Milestones", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_PlanMeasures_OrganisationId", "PlanMeasures", "OrganisationId");
        migrationBuilder.CreateIndex("IX_PlanMeasures_PlanObjectiveId", "PlanMeasures", "PlanObjectiveId");
        migrationBuilder.CreateIndex("IX_PlanMeasures_IndicatorId", "PlanMeasures", "IndicatorId");
        migrationBuilder.CreateIndex("IX_PlanMeasures_MilestoneId", "PlanMeasures", "MilestoneId");

        migrationBuilder.CreateTable(
            name: "Recommendations",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                PlanId = table.Column<int>(nullable: false),
                Number = table.Column<string>(maxLength: 20, nullable: false),
                Text = table.Column<string>(maxLength: 8000, nullable: false),
                SortOrder = table.Column<int>(nullable: false),
                Version = table.Version(),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Recommendations", x => x.Id);
                table.OwnedBy("Recommendations", x => x.OrganisationId);
                table.ForeignKey("FK_Recommendations_Plans_PlanId", x => x.PlanId, "Plans", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_Recommendations_OrganisationId", "Recommendations", "OrganisationId");
        migrationBuilder.CreateIndex("IX_Recommendations_PlanId", "Recommendations", "PlanId");

        migrationBuilder.CreateTable(
            name: "Actions",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                PlanId = table.Column<int>(nullable: true),
                ParentId = table.Column<int>(nullable: true),
                ObjectiveId = table.Column<int>(nullable: true),
                RecommendationId = table.Column<int>(nullable: true),
                Kind = table.Column<int>(nullable: false),
                Reference = table.Column<string>(maxLength: 40, nullable: true),
                Title = table.Column<string>(maxLength: 1000, nullable: false),
                Description = table.Column<string>(maxLength: 8000, nullable: true),
                StartText = table.Column<string>(maxLength: 100, nullable: true),
                StartMonth = table.Period(nullable: true),
                DueText = table.Column<string>(maxLength: 100, nullable: true),
                DueMonth = table.Period(nullable: true),
                RevisedDueMonth = table.Period(nullable: true),
                CompletedOn = table.Column<DateOnly>(nullable: true),
                State = table.Column<int>(nullable: false),
                OtherServices = table.Column<string>(maxLength: 2000, nullable: true),
                ResourcesText = table.Column<string>(maxLength: 2000, nullable: true),
                ResourcesAmount = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                Outputs = table.Column<string>(maxLength: 8000, nullable: true),
                Outcomes = table.Column<string>(maxLength: 8000, nullable: true),
                Risks = table.Column<string>(maxLength: 8000, nullable: true),
                InServicePlan = table.Column<string>(maxLength: 200, nullable: true),
                InServicePlanId = table.Column<int>(nullable: true),
                SortOrder = table.Column<int>(nullable: false),
                CarriedFromId = table.Column<int>(nullable: true),
                Version = table.Version(),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Actions", x => x.Id);
                table.OwnedBy("Actions", x => x.OrganisationId);
                table.ForeignKey("FK_Actions_Plans_PlanId", x => x.PlanId, "Plans", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Actions_Actions_ParentId", x => x.ParentId, "Actions", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Actions_Objectives_ObjectiveId", x => x.ObjectiveId, "Objectives", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_Actions_Recommendations_RecommendationId", x => x.RecommendationId, "Recommendations", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_Actions_Plans_InServicePlanId", x => x.InServicePlanId, "Plans", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_Actions_Actions_CarriedFromId", x => x.CarriedFromId, "Actions", "Id", onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex("IX_Actions_OrganisationId", "Actions", "OrganisationId");
        migrationBuilder.CreateIndex("IX_Actions_PlanId", "Actions", "PlanId");
        migrationBuilder.CreateIndex("IX_Actions_ParentId", "Actions", "ParentId");
        migrationBuilder.CreateIndex("IX_Actions_ObjectiveId", "Actions", "ObjectiveId");
        migrationBuilder.CreateIndex("IX_Actions_RecommendationId", "Actions", "RecommendationId");
        migrationBuilder.CreateIndex("IX_Actions_InServicePlanId", "Actions", "InServicePlanId");
        migrationBuilder.CreateIndex("IX_Actions_CarriedFromId", "Actions", "CarriedFromId");

        migrationBuilder.CreateTable(
            name: "ActionLeads",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                ActionId = table.Column<int>(nullable: false),
                PostId = table.Column<int>(nullable: true),
                PersonId = table.Column<int>(nullable: true),
                Name = table.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ActionLeads", x => x.Id);
                table.OwnedBy("ActionLeads", x => x.OrganisationId);
                table.ForeignKey("FK_ActionLeads_Actions_ActionId", x => x.ActionId, "Actions", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ActionLeads_Posts_PostId", x => x.PostId, "Posts", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_ActionLeads_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex("IX_ActionLeads_OrganisationId", "ActionLeads", "OrganisationId");
        migrationBuilder.CreateIndex("IX_ActionLeads_ActionId", "ActionLeads", "ActionId");
        migrationBuilder.CreateIndex("IX_ActionLeads_PostId", "ActionLeads", "PostId");
        migrationBuilder.CreateIndex("IX_ActionLeads_PersonId", "ActionLeads", "PersonId");

        migrationBuilder.CreateTable(
            name: "ActionLinks",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                ActionId = table.Column<int>(nullable: false),
                ObjectiveId = table.Column<int>(nullable: true),
                IndicatorId = table.Column<int>(nullable: true),
                Text = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ActionLinks", x => x.Id);
                table.OwnedBy("ActionLinks", x => x.OrganisationId);
                table.ForeignKey("FK_ActionLinks_Actions_ActionId", x => x.ActionId, "Actions", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ActionLinks_Objectives_ObjectiveId", x => x.ObjectiveId, "Objectives", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ActionLinks_Indicators_IndicatorId", x => x.IndicatorId, "Indicators", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ActionLinks_OrganisationId", "ActionLinks", "OrganisationId");
        migrationBuilder.CreateIndex("IX_ActionLinks_ActionId", "ActionLinks", "ActionId");
        migrationBuilder.CreateIndex("IX_ActionLinks_ObjectiveId", "ActionLinks", "ObjectiveId");
        migrationBuilder.CreateIndex("IX_ActionLinks_IndicatorId", "ActionLinks", "IndicatorId");

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
        migrationBuilder.CreateIndex("IX_ActionUpdates_OrganisationId", "ActionUpdates", "OrganisationId");
        migrationBuilder.CreateIndex("IX_ActionUpdates_ActionId_Quarter", "ActionUpdates", ["ActionId", "Quarter"]);

        migrationBuilder.CreateTable(
            name: "ActionDueRevisions",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                ActionId = table.Column<int>(nullable: false),
                FromMonth = table.Period(nullable: true),
                ToMonth = table.Period(nullable: false),
                Reason = table.Column<string>(maxLength: 2000, nullable: true),
                ByUserId = table.Column<int>(nullable: true),
                ByName = table.Column<string>(maxLength: 200, nullable: false),
                At = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ActionDueRevisions", x => x.Id);
                table.OwnedBy("ActionDueRevisions", x => x.OrganisationId);
                table.ForeignKey("FK_ActionDueRevisions_Actions_ActionId", x => x.ActionId, "Actions", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ActionDueRevisions_OrganisationId", "ActionDueRevisions", "OrganisationId");
        migrationBuilder.CreateIndex("IX_ActionDueRevisions_ActionId", "ActionDueRevisions", "ActionId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("ActionDueRevisions");
        migrationBuilder.DropTable("ActionUpdates");
        migrationBuilder.DropTable("ActionLinks");
        migrationBuilder.DropTable("ActionLeads");
        migrationBuilder.DropTable("Actions");
        migrationBuilder.DropTable("Recommendations");
        migrationBuilder.DropTable("PlanMeasures");
        migrationBuilder.DropTable("PlanObjectives");
        migrationBuilder.DropTable("MilestoneTargets");
        migrationBuilder.DropTable("Milestones");
        migrationBuilder.DropTable("PlanSteps");
        migrationBuilder.DropTable("PlanSections");
        migrationBuilder.DropTable("Plans");
        migrationBuilder.DropTable("SectionTemplates");
        migrationBuilder.DropTable("PlanTypes");
    }
}
