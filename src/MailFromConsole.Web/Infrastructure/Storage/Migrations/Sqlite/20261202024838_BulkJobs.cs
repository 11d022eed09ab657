using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MailFromConsole.Web.Infrastructure.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BulkJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bulk_jobs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Region = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Pattern = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Behavior = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    StartedByRole = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedMs = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedMs = table.Column<long>(type: "INTEGER", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CancelledBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bulk_jobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "bulk_job_rows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    JobId = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Identity = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    MailFromDomain = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    Before = table.Column<string>(type: "TEXT", maxLength: 600, nullable: true),
                    ZoneId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ZoneName = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    Plan = table.Column<string>(type: "TEXT", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Result = table.Column<string>(type: "TEXT", nullable: true),
                    ChangeId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UpdatedMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bulk_job_rows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_bulk_job_rows_bulk_jobs_JobId",
                        column: x => x.JobId,
                        principalTable: "bulk_jobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_bulk_job_rows_JobId_Position",
                table: "bulk_job_rows",
                columns: new[] { "JobId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bulk_jobs_State",
                table: "bulk_jobs",
                column: "State");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bulk_job_rows");

            migrationBuilder.DropTable(
                name: "bulk_jobs");
        }
    }
}
