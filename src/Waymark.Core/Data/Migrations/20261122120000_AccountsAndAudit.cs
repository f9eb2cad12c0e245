using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Waymark.Core.Data.Migrations;

/// <summary>
/// Sign-in accounts and their memberships of organisations, personal access tokens, shared
/// data-protection keys, and the append-only audit trail (with triggers that refuse UPDATE and
/// DELETE on it).
/// </summary>
[DbContext(typeof(WaymarkDbContext))]
[Migration("20261122120000_AccountsAndAudit")]
public sealed class AccountsAndAudit : Migration
{
    private const string Postgres = "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "Users",
            columns: table => new
            {
                Id = table.Identity(),
                UserName = table.Column<string>(maxLength: 256, nullable: false),
                NormalizedUserName = table.Column<string>(maxLength: 256, nullable: false),
                DisplayName = table.Column<string>(maxLength: 200, nullable: false),
                Email = table.Column<string>(maxLength: 256, nullable: true),
                PasswordHash = table.Column<string>(maxLength: 1000, nullable: true),
                SecurityStamp = table.Column<string>(maxLength: 100, nullable: false),
                MustChangePassword = table.Column<bool>(nullable: false),
                LockoutEnabled = table.Column<bool>(nullable: false),
                LockoutEnd = table.Column<DateTimeOffset>(nullable: true),
                AccessFailedCount = table.Column<int>(nullable: false),
                TwoFactorEnabled = table.Column<bool>(nullable: false),
                AuthenticatorKey = table.Column<string>(maxLength: 200, nullable: true),
                RecoveryCodes = table.Column<string>(maxLength: 2000, nullable: true),
                IsDisabled = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
                LastSignInAt = table.Column<DateTimeOffset>(nullable: true),
                Version = table.Version(),
            },
            constraints: table => table.PrimaryKey("PK_Users", x => x.Id));
        migrationBuilder.CreateIndex("IX_Users_NormalizedUserName", "Users", "NormalizedUserName", unique: true);

        migrationBuilder.CreateTable(
            name: "Memberships",
            columns: table => new
            {
                Id = table.Identity(),
                OrganisationId = table.OrganisationId(),
                UserId = table.Column<int>(nullable: false),
                Role = table.Column<int>(nullable: false),
                UnitId = table.Column<int>(nullable: true),
                PersonId = table.Column<int>(nullable: true),
                Version = table.Version(),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Memberships", x => x.Id);
                table.OwnedBy("Memberships", x => x.OrganisationId);
                table.ForeignKey("FK_Memberships_Users_UserId", x => x.UserId,
                    "Users", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Memberships_Units_UnitId", x => x.UnitId,
                    "Units", "Id", onDelete: ReferentialAction.SetNull);
                table.ForeignKey("FK_Memberships_People_PersonId", x => x.PersonId,
                    "People", "Id", onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex("IX_Memberships_OrganisationId_UserId", "Memberships", ["OrganisationId", "UserId"], unique: true);
        migrationBuilder.CreateIndex("IX_Memberships_UserId", "Memberships", "UserId");
        migrationBuilder.CreateIndex("IX_Memberships_UnitId", "Memberships", "UnitId");
        migrationBuilder.CreateIndex("IX_Memberships_PersonId", "Memberships", "PersonId");

        migrationBuilder.CreateTable(
            name: "ApiTokens",
            columns: table => new
            {
                Id = table.Identity(),
                UserId = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Prefix = table.Column<string>(maxLength: 20, nullable: false),
                TokenHash = table.Column<string>(maxLength: 64, nullable: false),
                ReadOnly = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
                ExpiresAt = table.Column<DateTimeOffset>(nullable: false),
                RevokedAt = table.Column<DateTimeOffset>(nullable: true),
                LastUsedAt = table.Column<DateTimeOffset>(nullable: true),
                Version = table.Version(),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ApiTokens", x => x.Id);
                table.ForeignKey("FK_ApiTokens_Users_UserId", x => x.UserId, "Users", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ApiTokens_TokenHash", "ApiTokens", "TokenHash", unique: true);
        migrationBuilder.CreateIndex("IX_ApiTokens_UserId", "ApiTokens", "UserId");

        migrationBuilder.CreateTable(
            name: "DataProtectionKeys",
            columns: table => new
            {
                Id = table.Identity(),
                FriendlyName = table.Column<string>(maxLength: 200, nullable: true),
                Xml = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_DataProtectionKeys", x => x.Id));

        migrationBuilder.CreateTable(
            name: "AuditEntries",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false),
                OrganisationId = table.Column<int>(nullable: true),
                OccurredAt = table.Column<DateTimeOffset>(nullable: false),
                UserId = table.Column<int>(nullable: true),
                Actor = table.Column<string>(maxLength: 300, nullable: false),
                Source = table.Column<string>(maxLength: 100, nullable: true),
                Action = table.Column<string>(maxLength: 60, nullable: false),
                EntityType = table.Column<string>(maxLength: 60, nullable: true),
                EntityId = table.Column<string>(maxLength: 60, nullable: true),
                Summary = table.Column<string>(maxLength: 1000, nullable: true),
                Changes = table.Column<string>(nullable: true),
                PreviousHash = table.Column<string>(maxLength: 64, nullable: false),
                Hash = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_AuditEntries", x => x.Id));
        migrationBuilder.CreateIndex("IX_AuditEntries_OrganisationId_OccurredAt", "AuditEntries", ["OrganisationId", "OccurredAt"]);
        migrationBuilder.CreateIndex("IX_AuditEntries_EntityType_EntityId", "AuditEntries", ["EntityType", "EntityId"]);

        // The trail is append-only: the database itself refuses changes and deletions.
        if (ActiveProvider == Postgres)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION waymark_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'The audit trail is append-only: % is not allowed', TG_OP;
                END;
                $$;
                CREATE TRIGGER "AuditEntries_append_only" BEFORE UPDATE OR DELETE ON "AuditEntries"
                    FOR EACH ROW EXECUTE FUNCTION waymark_audit_append_only();
                CREATE TRIGGER "AuditEntries_no_truncate" BEFORE TRUNCATE ON "AuditEntries"
                    FOR EACH STATEMENT EXECUTE FUNCTION waymark_audit_append_only();
                """);
        }
        else
        {
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_no_update" BEFORE UPDATE ON "AuditEntries"
                BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only: UPDATE is not allowed'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_no_delete" BEFORE DELETE ON "AuditEntries"
                BEGIN SELECT RAISE(ABORT, 'The audit trail is append-only: DELETE is not allowed'); END;
                """);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        if (ActiveProvider == Postgres)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "AuditEntries_append_only" ON "AuditEntries";
                DROP TRIGGER IF EXISTS "AuditEntries_no_truncate" ON "AuditEntries";
                DROP FUNCTION IF EXISTS waymark_audit_append_only();
                """);
        }

        migrationBuilder.DropTable("AuditEntries");
        migrationBuilder.DropTable("DataProtectionKeys");
        migrationBuilder.DropTable("ApiTokens");
        migrationBuilder.DropTable("Memberships");
        migrationBuilder.DropTable("Users");
    }
}
