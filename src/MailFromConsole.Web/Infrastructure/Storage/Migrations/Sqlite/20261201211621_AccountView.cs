using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MailFromConsole.Web.Infrastructure.Storage.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Region = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Identity = table.Column<string>(type: "TEXT", nullable: false),
                    AtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    IsDrift = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_view_history", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "view_identities",
                columns: table => new
                {
                    Region = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Identity = table.Column<string>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Verification = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    VerificationToken = table.Column<string>(type: "TEXT", nullable: true),
                    VerificationReadAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    HasMailFrom = table.Column<bool>(type: "INTEGER", nullable: false),
                    MailFromDomain = table.Column<string>(type: "TEXT", nullable: true),
                    MailFromStatus = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    BehaviorOnMxFailure = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    MailFromReadAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    DkimEnabled = table.Column<bool>(type: "INTEGER", nullable: true),
                    DkimStatus = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    DkimTokens = table.Column<string>(type: "TEXT", nullable: true),
                    DkimReadAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    DnsMxHosts = table.Column<string>(type: "TEXT", nullable: true),
                    DnsSpfOk = table.Column<bool>(type: "INTEGER", nullable: true),
                    DnsConclusive = table.Column<bool>(type: "INTEGER", nullable: true),
                    DnsCheckedAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    ChangedAtMs = table.Column<long>(type: "INTEGER", nullable: true)
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
