using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MailFromConsole.Web.Infrastructure.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AccountView : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "view_history",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Region = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Identity = table.Column<string>(type: "text", nullable: false),
                    AtMs = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    IsDrift = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_view_history", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "view_identities",
                columns: table => new
                {
                    Region = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Identity = table.Column<string>(type: "text", nullable: false),
                    Type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Verification = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    VerificationToken = table.Column<string>(type: "text", nullable: true),
                    VerificationReadAtMs = table.Column<long>(type: "bigint", nullable: true),
                    HasMailFrom = table.Column<bool>(type: "boolean", nullable: false),
                    MailFromDomain = table.Column<string>(type: "text", nullable: true),
                    MailFromStatus = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    BehaviorOnMxFailure = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    MailFromReadAtMs = table.Column<long>(type: "bigint", nullable: true),
                    DkimEnabled = table.Column<bool>(type: "boolean", nullable: true),
                    DkimStatus = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    DkimTokens = table.Column<string>(type: "text", nullable: true),
                    DkimReadAtMs = table.Column<long>(type: "bigint", nullable: true),
                    DnsMxHosts = table.Column<string>(type: "text", nullable: true),
                    DnsSpfOk = table.Column<bool>(type: "boolean", nullable: true),
                    DnsConclusive = table.Column<bool>(type: "boolean", nullable: true),
                    DnsCheckedAtMs = table.Column<long>(type: "bigint", nullable: true),
                    ChangedAtMs = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_view_identities", x => new { x.Region, x.Identity });
                });

            migrationBuilder.CreateIndex(
                name: "IX_view_history_IsDrift_AtMs",
                table: "view_history",
                columns: new[] { "IsDrift", "AtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_view_history_Region_Identity_AtMs",
                table: "view_history",
                columns: new[] { "Region", "Identity", "AtMs" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "view_history");

            migrationBuilder.DropTable(
                name: "view_identities");
        }
    }
}
