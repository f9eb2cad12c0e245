using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waymark.Core.Data.Migrations;

/// <summary>
/// The period lock: corrections (a change to a record of a closed round, with the reason, old and new) for the
/// restatement register, and lock exceptions (leave for a unit to change locked records until an end date).
/// </summary>
[DbContext(typeof(WaymarkDbContext))]
[Migration("20261212090000_CorrectionsAndLockExceptions")]
public sealed class CorrectionsAndLockExceptions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "LockExceptions",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                UnitId = table.Column<int>(nullable: false),
                PersonId = table.Column<int>(nullable: true),
                From = table.Column<DateOnly>(nullable: false),
                Until = table.Column<DateOnly>(nullable: false),
                Reason = table.Column<string>(maxLength: 2000, nullable: false),
                GrantedByUserId = table.Column<int>(nullable: true),
                GrantedByName = table.Column<string>(maxLength: 200, nullable: false),
                GrantedAt = table.Column<DateTimeOffset>(nullable: false),
                EndedAt = table.Column<DateTimeOffset>(nullable: true),
                EndedByName = table.Column<string>(maxLength: 200, nullable: true),
                Version = table.Version(),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_LockExceptions", x => x.Id);
                table.OwnedBy("LockExceptions", x => x.OrganisationId);
                table.ForeignKey("FK_LockExceptions_Units_UnitId", x => x.UnitId, "Units", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_LockExceptions_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_LockExceptions_OrganisationId", "LockExceptions", "OrganisationId");
        migrationBuilder.CreateIndex("IX_LockExceptions_UnitId", "LockExceptions", "UnitId");
        migrationBuilder.CreateIndex("IX_LockExceptions_PersonId", "LockExceptions", "PersonId");

        migrationBuilder.CreateTable(
            name: "Corrections",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                Kind = table.Column<int>(nullable: false),
                SubjectId = table.Column<int>(nullable: false),
                RecordId = table.Column<int>(nullable: true),
                Subject = table.Column<string>(maxLength: 1100, nullable: false),
                Period = table.Period(nullable: false),
                UnitId = table.Column<int>(nullable: true),
                OldValue = table.Column<string>(maxLength: 1000, nullable: true),
                NewValue = table.Column<string>(maxLength: 1000, nullable: true),
                OldStatus = table.Column<string>(maxLength: 100, nullable: true),
                NewStatus = table.Column<string>(maxLength: 100, nullable: true),
                CommentaryChanged = table.Column<bool>(nullable: false),
                Reason = table.Column<string>(maxLength: 2000, nullable: false),
                ByUserId = table.Column<int>(nullable: true),
                ByName = table.Column<string>(maxLength: 200, nullable: false),
                At = table.Column<DateTimeOffset>(nullable: false),
                On = table.Column<DateOnly>(nullable: false),
                LockExceptionId = table.Column<int>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Corrections", x => x.Id);
                table.OwnedBy("Corrections", x => x.OrganisationId);
                table.ForeignKey("FK_Corrections_Units_UnitId", x => x.UnitId, "Units", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_Corrections_LockExceptions_LockExceptionId", x => x.LockExceptionId, "LockExceptions", "Id", onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex("IX_Corrections_OrganisationId_On", "Corrections", ["OrganisationId", "On"]);
        migrationBuilder.CreateIndex("IX_Corrections_UnitId", "Corrections", "UnitId");
        migrationBuilder.CreateIndex("IX_Corrections_LockExceptionId", "Corrections", "LockExceptionId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("Corrections");
        migrationBuilder.DropTable("LockExceptions");
    }
}
