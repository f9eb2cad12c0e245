using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waymark.Core.Data.Migrations;

/// <summary>
/// Telling people: in-app notices, the message log that is also the e-mail outbox (written first, sent by the
/// scheduler, each message once by its idempotency key), the organisation's own message templates, and its reminder
/// and escalation schedule.
/// </summary>
[DbContext(typeof(WaymarkDbContext))]
[Migration("20261215090000_MessagesAndNotices")]
public sealed class MessagesAndNotices : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<int>("ReminderDaysBefore", "Organisations", nullable: false, defaultValue: 10);
        migrationBuilder.AddColumn<int>("ReminderRepeatDays", "Organisations", nullable: false, defaultValue: 3);
        migrationBuilder.AddColumn<int>("EscalateToManagerDays", "Organisations", nullable: false, defaultValue: 5);
        migrationBuilder.AddColumn<int>("EscalateToDirectorDays", "Organisations", nullable: false, defaultValue: 10);

        migrationBuilder.CreateTable(
            name: "Notices",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                PersonId = table.Column<int>(nullable: false),
                Kind = table.Column<int>(nullable: false),
                Text = table.Column<string>(maxLength: 1000, nullable: false),
                Link = table.Column<string>(maxLength: 500, nullable: true),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
                ReadAt = table.Column<DateTimeOffset>(nullable: true),
                IdempotencyKey = table.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Notices", x => x.Id);
                table.OwnedBy("Notices", x => x.OrganisationId);
                table.ForeignKey("FK_Notices_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_Notices_OrganisationId_IdempotencyKey", "Notices", ["OrganisationId", "IdempotencyKey"], unique: true);
        migrationBuilder.CreateIndex("IX_Notices_PersonId_ReadAt", "Notices", ["PersonId", "ReadAt"]);

        migrationBuilder.CreateTable(
            name: "Messages",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                PersonId = table.Column<int>(nullable: true),
                ToName = table.Column<string>(maxLength: 200, nullable: false),
                ToAddress = table.Column<string>(maxLength: 320, nullable: false),
                Kind = table.Column<int>(nullable: false),
                Subject = table.Column<string>(maxLength: 300, nullable: false),
                TextBody = table.Column<string>(maxLength: 20000, nullable: false),
                HtmlBody = table.Column<string>(maxLength: 60000, nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
                IdempotencyKey = table.Column<string>(maxLength: 200, nullable: false),
                State = table.Column<int>(nullable: false),
                Attempts = table.Column<int>(nullable: false),
                LastError = table.Column<string>(maxLength: 2000, nullable: true),
                NextAttemptAt = table.Column<DateTimeOffset>(nullable: true),
                SentAt = table.Column<DateTimeOffset>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Messages", x => x.Id);
                table.OwnedBy("Messages", x => x.OrganisationId);
                table.ForeignKey("FK_Messages_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex("IX_Messages_OrganisationId_IdempotencyKey", "Messages", ["OrganisationId", "IdempotencyKey"], unique: true);
        migrationBuilder.CreateIndex("IX_Messages_PersonId", "Messages", "PersonId");
        migrationBuilder.CreateIndex("IX_Messages_State_NextAttemptAt", "Messages", ["State", "NextAttemptAt"]);

        migrationBuilder.CreateTable(
            name: "MessageTemplates",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                Kind = table.Column<int>(nullable: false),
                Subject = table.Column<string>(maxLength: 200, nullable: false),
                Body = table.Column<string>(maxLength: 8000, nullable: false),
                Version = table.Version(),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MessageTemplates", x => x.Id);
                table.OwnedBy("MessageTemplates", x => x.OrganisationId);
            });
        migrationBuilder.CreateIndex("IX_MessageTemplates_OrganisationId_Kind", "MessageTemplates", ["OrganisationId", "Kind"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("MessageTemplates");
        migrationBuilder.DropTable("Messages");
        migrationBuilder.DropTable("Notices");
        migrationBuilder.DropColumn("EscalateToDirectorDays", "Organisations");
        migrationBuilder.DropColumn("EscalateToManagerDays", "Organisations");
        migrationBuilder.DropColumn("ReminderRepeatDays", "Organisations");
        migrationBuilder.DropColumn("ReminderDaysBefore", "Organisations");
    }
}
