using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MailFromConsole.Web.Infrastructure.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeliverabilityReadiness : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReadinessBasis",
                table: "view_identities",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReadinessCheckedAtMs",
                table: "view_identities",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReadinessDkimCnames",
                table: "view_identities",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReadinessGaps",
                table: "view_identities",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReadinessOutcome",
                table: "view_identities",
                type: "TEXT",
                maxLength: 32,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReadinessBasis",
                table: "view_identities");

            migrationBuilder.DropColumn(
                name: "ReadinessCheckedAtMs",
                table: "view_identities");

            migrationBuilder.DropColumn(
                name: "ReadinessDkimCnames",
                table: "view_identities");

            migrationBuilder.DropColumn(
                name: "ReadinessGaps",
                table: "view_identities");

            migrationBuilder.DropColumn(
                name: "ReadinessOutcome",
                table: "view_identities");
        }
    }
}
