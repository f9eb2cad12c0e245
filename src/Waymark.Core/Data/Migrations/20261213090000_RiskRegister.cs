using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waymark.Core.Data.Migrations;

/// <summary>
/// The risk register: each organisation's matrix (scales with descriptors, impact criteria per type, score bands,
/// categories with appetite), and risks with their controls, links, further actions, quarterly reviews and proposals
/// to the strategic register.
/// </summary>
[DbContext(typeof(WaymarkDbContext))]
[Migration("20261213090000_RiskRegister")]
public sealed class RiskRegister : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        CreateMatrix(migrationBuilder);
        CreateRisks(migrationBuilder);
        CreateRiskParts(migrationBuilder);
    }

    private static void CreateMatrix(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "RiskMatrices",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                LikelihoodLevels = table.Column<int>(nullable: false),
                ImpactLevels = table.Column<int>(nullable: false),
                EscalationScore = table.Column<int>(nullable: true),
                Version = table.Version(),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RiskMatrices", x => x.Id);
                table.OwnedBy("RiskMatrices", x => x.OrganisationId);
            });
        migrationBuilder.CreateIndex("IX_RiskMatrices_OrganisationId", "RiskMatrices", "OrganisationId", unique: true);

        migrationBuilder.CreateTable(
            name: "RiskMatrixLevels",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                MatrixId = table.Column<int>(nullable: false),
                Scale = table.Column<int>(nullable: false),
                Level = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Descriptor = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RiskMatrixLevels", x => x.Id);
                table.OwnedBy("RiskMatrixLevels", x => x.OrganisationId);
                table.ForeignKey("FK_RiskMatrixLevels_RiskMatrices_MatrixId", x => x.MatrixId, "RiskMatrices", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_RiskMatrixLevels_OrganisationId", "RiskMatrixLevels", "OrganisationId");
        migrationBuilder.CreateIndex("IX_RiskMatrixLevels_MatrixId_Scale_Level", "RiskMatrixLevels", ["MatrixId", "Scale", "Level"], unique: true);

        migrationBuilder.CreateTable(
            name: "RiskImpactTypes",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                MatrixId = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                SortOrder = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RiskImpactTypes", x => x.Id);
                table.OwnedBy("RiskImpactTypes", x => x.OrganisationId);
                table.ForeignKey("FK_RiskImpactTypes_RiskMatrices_MatrixId", x => x.MatrixId, "RiskMatrices", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_RiskImpactTypes_OrganisationId", "RiskImpactTypes", "OrganisationId");
        migrationBuilder.CreateIndex("IX_RiskImpactTypes_MatrixId", "RiskImpactTypes", "MatrixId");

        migrationBuilder.CreateTable(
            name: "RiskImpactCriteria",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                ImpactTypeId = table.Column<int>(nullable: false),
                Level = table.Column<int>(nullable: false),
                Text = table.Column<string>(maxLength: 2000, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RiskImpactCriteria", x => x.Id);
                table.OwnedBy("RiskImpactCriteria", x => x.OrganisationId);
                table.ForeignKey("FK_RiskImpactCriteria_RiskImpactTypes_ImpactTypeId", x => x.ImpactTypeId, "RiskImpactTypes", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_RiskImpactCriteria_OrganisationId", "RiskImpactCriteria", "OrganisationId");
        migrationBuilder.CreateIndex("IX_RiskImpactCriteria_ImpactTypeId_Level", "RiskImpactCriteria", ["ImpactTypeId", "Level"], unique: true);

        migrationBuilder.CreateTable(
            name: "RiskScoreBands",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                MatrixId = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Colour = table.Column<int>(nullable: false),
                MinScore = table.Column<int>(nullable: false),
                MaxScore = table.Column<int>(nullable: false),
                ReviewIntervalDays = table.Column<int>(nullable: false),
                SortOrder = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RiskScoreBands", x => x.Id);
                table.OwnedBy("RiskScoreBands", x => x.OrganisationId);
                table.ForeignKey("FK_RiskScoreBands_RiskMatrices_MatrixId", x => x.MatrixId, "RiskMatrices", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_RiskScoreBands_OrganisationId", "RiskScoreBands", "OrganisationId");
        migrationBuilder.CreateIndex("IX_RiskScoreBands_MatrixId", "RiskScoreBands", "MatrixId");

        migrationBuilder.CreateTable(
            name: "RiskCategories",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                MatrixId = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                AppetiteScore = table.Column<int>(nullable: true),
                SortOrder = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RiskCategories", x => x.Id);
                table.OwnedBy("RiskCategories", x => x.OrganisationId);
                table.ForeignKey("FK_RiskCategories_RiskMatrices_MatrixId", x => x.MatrixId, "RiskMatrices", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_RiskCategories_OrganisationId_Name", "RiskCategories", ["OrganisationId", "Name"], unique: true);
        migrationBuilder.CreateIndex("IX_RiskCategories_MatrixId", "RiskCategories", "MatrixId");
    }

    private static void CreateRisks(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Risks",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                Reference = table.Column<string>(maxLength: 20, nullable: false),
                Title = table.Column<string>(maxLength: 1000, nullable: false),
                Cause = table.Column<string>(maxLength: 8000, nullable: true),
                Event = table.Column<string>(maxLength: 8000, nullable: true),
                Consequence = table.Column<string>(maxLength: 8000, nullable: true),
                CategoryId = table.Column<int>(nullable: false),
                RegisterLevel = table.Column<int>(nullable: false),
                OwnerPostId = table.Column<int>(nullable: true),
                OwnerPersonId = table.Column<int>(nullable: true),
                OwnerName = table.Column<string>(maxLength: 200, nullable: true),
                UnitId = table.Column<int>(nullable: true),
                InherentLikelihood = table.Column<int>(nullable: false),
                InherentImpact = table.Column<int>(nullable: false),
                CurrentLikelihood = table.Column<int>(nullable: false),
                CurrentImpact = table.Column<int>(nullable: false),
                TargetLikelihood = table.Column<int>(nullable: true),
                TargetImpact = table.Column<int>(nullable: true),
                Response = table.Column<int>(nullable: false),
                ReviewDue = table.Column<DateOnly>(nullable: true),
                LastReviewedOn = table.Column<DateOnly>(nullable: true),
                State = table.Column<int>(nullable: false),
                ClosedOn = table.Column<DateOnly>(nullable: true),
                ClosedReason = table.Column<string>(maxLength: 2000, nullable: true),
                NeedsReassessment = table.Column<bool>(nullable: false),
                IsDemonstration = table.Column<bool>(nullable: false),
                Version = table.Version(),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Risks", x => x.Id);
                table.OwnedBy("Risks", x => x.OrganisationId);
                table.ForeignKey("FK_Risks_RiskCategories_CategoryId", x => x.CategoryId, "RiskCategories", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Risks_Posts_OwnerPostId", x => x.OwnerPostId, "Posts", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_Risks_People_OwnerPersonId", x => x.OwnerPersonId, "People", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_Risks_Units_UnitId", x => x.UnitId, "Units", "Id", onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex("IX_Risks_OrganisationId_Reference", "Risks", ["OrganisationId", "Reference"], unique: true);
        migrationBuilder.CreateIndex("IX_Risks_CategoryId", "Risks", "CategoryId");
        migrationBuilder.CreateIndex("IX_Risks_OwnerPostId", "Risks", "OwnerPostId");
        migrationBuilder.CreateIndex("IX_Risks_OwnerPersonId", "Risks", "OwnerPersonId");
        migrationBuilder.CreateIndex("IX_Risks_UnitId", "Risks", "UnitId");
    }

    private static void CreateRiskParts(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "RiskControls",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                RiskId = table.Column<int>(nullable: false),
                Description = table.Column<string>(maxLength: 2000, nullable: false),
                OwnerPostId = table.Column<int>(nullable: true),
                OwnerPersonId = table.Column<int>(nullable: true),
                OwnerName = table.Column<string>(maxLength: 200, nullable: true),
                Effectiveness = table.Column<int>(nullable: false),
                SortOrder = table.Column<int>(nullable: false),
                Version = table.Version(),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RiskControls", x => x.Id);
                table.OwnedBy("RiskControls", x => x.OrganisationId);
                table.ForeignKey("FK_RiskControls_Risks_RiskId", x => x.RiskId, "Risks", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_RiskControls_Posts_OwnerPostId", x => x.OwnerPostId, "Posts", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_RiskControls_People_OwnerPersonId", x => x.OwnerPersonId, "People", "Id", onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex("IX_RiskControls_OrganisationId", "RiskControls", "OrganisationId");
        migrationBuilder.CreateIndex("IX_RiskControls_RiskId", "RiskControls", "RiskId");
        migrationBuilder.CreateIndex("IX_RiskControls_OwnerPostId", "RiskControls", "OwnerPostId");
        migrationBuilder.CreateIndex("IX_RiskControls_OwnerPersonId", "RiskControls", "OwnerPersonId");

        migrationBuilder.CreateTable(
            name: "RiskLinks",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                RiskId = table.Column<int>(nullable: false),
                ObjectiveId = table.Column<int>(nullable: true),
                PlanId = table.Column<int>(nullable: true),
                IndicatorId = table.Column<int>(nullable: true),
                ActionId = table.Column<int>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RiskLinks", x => x.Id);
                table.OwnedBy("RiskLinks", x => x.OrganisationId);
                table.ForeignKey("FK_RiskLinks_Risks_RiskId", x => x.RiskId, "Risks", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_RiskLinks_Objectives_ObjectiveId", x => x.ObjectiveId, "Objectives", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_RiskLinks_Plans_PlanId", x => x.PlanId, "Plans", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_RiskLinks_Indicators_IndicatorId", x => x.IndicatorId, "Indicators", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_RiskLinks_Actions_ActionId", x => x.ActionId, "Actions", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_RiskLinks_OrganisationId", "RiskLinks", "OrganisationId");
        migrationBuilder.CreateIndex("IX_RiskLinks_RiskId", "RiskLinks", "RiskId");
        migrationBuilder.CreateIndex("IX_RiskLinks_ObjectiveId", "RiskLinks", "ObjectiveId");
        migrationBuilder.CreateIndex("IX_RiskLinks_PlanId", "RiskLinks", "PlanId");
        migrationBuilder.CreateIndex("IX_RiskLinks_IndicatorId", "RiskLinks", "IndicatorId");
        migrationBuilder.CreateIndex("IX_RiskLinks_ActionId", "RiskLinks", "ActionId");

        migrationBuilder.CreateTable(
            name: "RiskActions",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                RiskId = table.Column<int>(nullable: false),
                PlanActionId = table.Column<int>(nullable: true),
                Text = table.Column<string>(maxLength: 2000, nullable: true),
                LeadPostId = table.Column<int>(nullable: true),
                LeadPersonId = table.Column<int>(nullable: true),
                LeadName = table.Column<string>(maxLength: 200, nullable: true),
                DueMonth = table.Period(nullable: true),
                Rag = table.Column<int>(nullable: true),
                CompletedOn = table.Column<DateOnly>(nullable: true),
                SortOrder = table.Column<int>(nullable: false),
                Version = table.Version(),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RiskActions", x => x.Id);
                table.OwnedBy("RiskActions", x => x.OrganisationId);
                table.ForeignKey("FK_RiskActions_Risks_RiskId", x => x.RiskId, "Risks", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_RiskActions_Actions_PlanActionId", x => x.PlanActionId, "Actions", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_RiskActions_Posts_LeadPostId", x => x.LeadPostId, "Posts", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_RiskActions_People_LeadPersonId", x => x.LeadPersonId, "People", "Id", onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex("IX_RiskActions_OrganisationId", "RiskActions", "OrganisationId");
        migrationBuilder.CreateIndex("IX_RiskActions_RiskId", "RiskActions", "RiskId");
        migrationBuilder.CreateIndex("IX_RiskActions_PlanActionId", "RiskActions", "PlanActionId");
        migrationBuilder.CreateIndex("IX_RiskActions_LeadPostId", "RiskActions", "LeadPostId");
        migrationBuilder.CreateIndex("IX_RiskActions_LeadPersonId", "RiskActions", "LeadPersonId");

        migrationBuilder.CreateTable(
            name: "RiskReviews",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                RiskId = table.Column<int>(nullable: false),
                Quarter = table.Period(nullable: false),
                ReviewedOn = table.Column<DateOnly>(nullable: false),
                Likelihood = table.Column<int>(nullable: false),
                Impact = table.Column<int>(nullable: false),
                WhatChanged = table.Column<string>(maxLength: 8000, nullable: true),
                Commentary = table.Column<string>(maxLength: 8000, nullable: true),
                ReviewerUserId = table.Column<int>(nullable: true),
                ReviewerName = table.Column<string>(maxLength: 200, nullable: false),
                At = table.Column<DateTimeOffset>(nullable: false),
                IsDemonstration = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RiskReviews", x => x.Id);
                table.OwnedBy("RiskReviews", x => x.OrganisationId);
                table.ForeignKey("FK_RiskReviews_Risks_RiskId", x => x.RiskId, "Risks", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_RiskReviews_OrganisationId", "RiskReviews", "OrganisationId");
        migrationBuilder.CreateIndex("IX_RiskReviews_RiskId_Quarter", "RiskReviews", ["RiskId", "Quarter"]);

        migrationBuilder.CreateTable(
            name: "RiskEscalations",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                RiskId = table.Column<int>(nullable: false),
                ProposedScore = table.Column<int>(nullable: false),
                ProposedAt = table.Column<DateTimeOffset>(nullable: false),
                ProposedByUserId = table.Column<int>(nullable: true),
                ProposedByName = table.Column<string>(maxLength: 200, nullable: false),
                Reason = table.Column<string>(maxLength: 2000, nullable: true),
                State = table.Column<int>(nullable: false),
                DecidedAt = table.Column<DateTimeOffset>(nullable: true),
                DecidedByUserId = table.Column<int>(nullable: true),
                DecidedByName = table.Column<string>(maxLength: 200, nullable: true),
                DecisionReason = table.Column<string>(maxLength: 2000, nullable: true),
                Version = table.Version(),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RiskEscalations", x => x.Id);
                table.OwnedBy("RiskEscalations", x => x.OrganisationId);
                table.ForeignKey("FK_RiskEscalations_Risks_RiskId", x => x.RiskId, "Risks", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_RiskEscalations_OrganisationId", "RiskEscalations", "OrganisationId");
        migrationBuilder.CreateIndex("IX_RiskEscalations_RiskId", "RiskEscalations", "RiskId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("RiskEscalations");
        migrationBuilder.DropTable("RiskReviews");
        migrationBuilder.DropTable("RiskActions");
        migrationBuilder.DropTable("RiskLinks");
        migrationBuilder.DropTable("RiskControls");
        migrationBuilder.DropTable("Risks");
        migrationBuilder.DropTable("RiskCategories");
        migrationBuilder.DropTable("RiskScoreBands");
        migrationBuilder.DropTable("RiskImpactCriteria");
        migrationBuilder.DropTable("RiskImpactTypes");
        migrationBuilder.DropTable("RiskMatrixLevels");
        migrationBuilder.DropTable("RiskMatrices");
    }
}
