using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waymark.Core.Data.Migrations;

/// <summary>
/// Monitoring rounds: a performance officer opens a round for a period, each owner makes one return of the values,
/// updates and milestone progress they own, and managers sign the returns off. Deadlines count working days, so an
/// organisation keeps its own changes to the England and Wales bank holidays, and its default deadlines.
/// </summary>
[DbContext(typeof(WaymarkDbContext))]
[Migration("20261210090000_MonitoringRounds")]
public sealed class MonitoringRounds : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<int>("ReturnsWorkingDays", "Organisations", nullable: false, defaultValue: 10);
        migrationBuilder.AddColumn<int>("SignOffWorkingDays", "Organisations", nullable: false, defaultValue: 5);
        migrationBuilder.AddColumn<int>("RoundGraceDays", "Organisations", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<int>("RoundAutoCloseDays", "Organisations", nullable: true);

        migrationBuilder.CreateTable(
            name: "BankHolidayChanges",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                Date = table.Column<DateOnly>(nullable: false),
                IsHoliday = table.Column<bool>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_BankHolidayChanges", x => x.Id);
                table.OwnedBy("BankHolidayChanges", x => x.OrganisationId);
            });
        migrationBuilder.CreateIndex("IX_BankHolidayChanges_OrganisationId_Date", "BankHolidayChanges", ["OrganisationId", "Date"], unique: true);

        migrationBuilder.CreateTable(
            name: "MonitoringRounds",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                Period = table.Period(nullable: false),
                OpenedAt = table.Column<DateTimeOffset>(nullable: false),
                OpenedByUserId = table.Column<int>(nullable: true),
                OpenedByName = table.Column<string>(maxLength: 200, nullable: false),
                ReturnsDeadline = table.Column<DateOnly>(nullable: false),
                SignOffDeadline = table.Column<DateOnly>(nullable: false),
                GraceDays = table.Column<int>(nullable: false),
                AutoCloseDays = table.Column<int>(nullable: true),
                ClosedAt = table.Column<DateTimeOffset>(nullable: true),
                ClosedOn = table.Column<DateOnly>(nullable: true),
                ClosedByUserId = table.Column<int>(nullable: true),
                ClosedByName = table.Column<string>(maxLength: 200, nullable: true),
                Version = table.Version(),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MonitoringRounds", x => x.Id);
                table.OwnedBy("MonitoringRounds", x => x.OrganisationId);
            });
        migrationBuilder.CreateIndex("IX_MonitoringRounds_OrganisationId_Period", "MonitoringRounds", ["OrganisationId", "Period"], unique: true);

        migrationBuilder.CreateTable(
            name: "RoundReturns",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                RoundId = table.Column<int>(nullable: false),
                PersonId = table.Column<int>(nullable: false),
                UnitId = table.Column<int>(nullable: true),
                IncludesVacantPostItems = table.Column<bool>(nullable: false),
                State = table.Column<int>(nullable: false),
                FirstSubmittedOn = table.Column<DateOnly>(nullable: true),
                SubmittedAt = table.Column<DateTimeOffset>(nullable: true),
                SubmittedByUserId = table.Column<int>(nullable: true),
                SubmittedByName = table.Column<string>(maxLength: 200, nullable: true),
                SignedOffAt = table.Column<DateTimeOffset>(nullable: true),
                SignedOffByUserId = table.Column<int>(nullable: true),
                SignedOffByName = table.Column<string>(maxLength: 200, nullable: true),
                Version = table.Version(),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RoundReturns", x => x.Id);
                table.OwnedBy("RoundReturns", x => x.OrganisationId);
                table.ForeignKey("FK_RoundReturns_MonitoringRounds_RoundId", x => x.RoundId, "MonitoringRounds", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_RoundReturns_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_RoundReturns_Units_UnitId", x => x.UnitId, "Units", "Id", onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex("IX_RoundReturns_OrganisationId", "RoundReturns", "OrganisationId");
        migrationBuilder.CreateIndex("IX_RoundReturns_RoundId_PersonId", "RoundReturns", ["RoundId", "PersonId"], unique: true);
        migrationBuilder.CreateIndex("IX_RoundReturns_PersonId", "RoundReturns", "PersonId");
        migrationBuilder.CreateIndex("IX_RoundReturns_UnitId", "RoundReturns", "UnitId");

        migrationBuilder.CreateTable(
            name: "RoundReturnItems",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                ReturnId = table.Column<int>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                IndicatorId = table.Column<int>(nullable: true),
                ValuePeriod = table.Period(nullable: true),
                ActionId = table.Column<int>(nullable: true),
                MilestoneId = table.Column<int>(nullable: true),
                PostId = table.Column<int>(nullable: true),
                FromVacantPost = table.Column<bool>(nullable: false),
                UnitId = table.Column<int>(nullable: true),
                ReturnNote = table.Column<string>(maxLength: 8000, nullable: true),
                ReturnedAt = table.Column<DateTimeOffset>(nullable: true),
                ReturnedByUserId = table.Column<int>(nullable: true),
                ReturnedByName = table.Column<string>(maxLength: 200, nullable: true),
                NoteDealtWith = table.Column<bool>(nullable: false),
                Version = table.Version(),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RoundReturnItems", x => x.Id);
                table.OwnedBy("RoundReturnItems", x => x.OrganisationId);
                table.ForeignKey("FK_RoundReturnItems_RoundReturns_ReturnId", x => x.ReturnId, "RoundReturns", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_RoundReturnItems_Indicators_IndicatorId", x => x.IndicatorId, "Indicators", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_RoundReturnItems_Actions_ActionId", x => x.ActionId, "Actions", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_RoundReturnItems_Milestones_MilestoneId", x => x.MilestoneId, "Milestones", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_RoundReturnItems_Posts_PostId", x => x.PostId, "Posts", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_RoundReturnItems_Units_UnitId", x => x.UnitId, "Units", "Id", onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex("IX_RoundReturnItems_OrganisationId", "RoundReturnItems", "OrganisationId");
        migrationBuilder.CreateIndex("IX_RoundReturnItems_ReturnId", "RoundReturnItems", "ReturnId");
        migrationBuilder.CreateIndex("IX_RoundReturnItems_IndicatorId", "RoundReturnItems", "IndicatorId");
        migrationBuilder.CreateIndex("IX_RoundReturnItems_ActionId", "RoundReturnItems", "ActionId");
        migrationBuilder.CreateIndex("IX_RoundReturnItems_MilestoneId", "RoundReturnItems", "MilestoneId");
        migrationBuilder.CreateIndex("IX_RoundReturnItems_PostId", "RoundReturnItems", "PostId");
        migrationBuilder.CreateIndex("IX_RoundReturnItems_UnitId", "RoundReturnItems", "UnitId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("RoundReturnItems");
        migrationBuilder.DropTable("RoundReturns");
        migrationBuilder.DropTable("MonitoringRounds");
        migrationBuilder.DropTable("BankHolidayChanges");
        migrationBuilder.DropColumn("RoundAutoCloseDays", "Organisations");
        migrationBuilder.DropColumn("RoundGraceDays", "Organisations");
        migrationBuilder.DropColumn("SignOffWorkingDays", "Organisations");
        migrationBuilder.DropColumn("ReturnsWorkingDays", "Organisations");
    }
}
