using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waymark.Core.Data.Migrations;

/// <summary>
/// Milestones become monitorable: each period (a quarter normally) the owner reports a milestone achieved (with the
/// date), on track, at risk, or missed or late (with the month it is now expected), with commentary.
/// </summary>
[DbContext(typeof(WaymarkDbContext))]
[Migration("20261216090000_MonitorableMilestones")]
public sealed class MonitorableMilestones : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "MilestoneProgress",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                MilestoneId = table.Column<int>(nullable: false),
                Period = table.Period(nullable: false),
                State = table.Column<int>(nullable: false),
                AchievedOn = table.Column<DateOnly>(nullable: true),
                RevisedMonth = table.Period(nullable: true),
                Commentary = table.Column<string>(maxLength: 8000, nullable: true),
                Remedial = table.Column<string>(maxLength: 8000, nullable: true),
                EnteredByUserId = table.Column<int>(nullable: true),
                EnteredByName = table.Column<string>(maxLength: 200, nullable: false),
                EnteredAt = table.Column<DateTimeOffset>(nullable: false),
                IsDemonstration = table.Column<bool>(nullable: false),
                Version = table.Version(),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MilestoneProgress", x => x.Id);
                table.OwnedBy("MilestoneProgress", x => x.OrganisationId);
                table.ForeignKey("FK_MilestoneProgress_Milestones_MilestoneId", x => x.MilestoneId, "Milestones", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_MilestoneProgress_OrganisationId", "MilestoneProgress", "OrganisationId");
        migrationBuilder.CreateIndex("IX_MilestoneProgress_MilestoneId_Period", "MilestoneProgress", ["MilestoneId", "Period"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("MilestoneProgress");
    }
}
