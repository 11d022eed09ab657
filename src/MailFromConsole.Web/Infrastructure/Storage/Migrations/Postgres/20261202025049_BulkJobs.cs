using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MailFromConsole.Web.Infrastructure.Storage.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Region = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Pattern = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Behavior = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    StartedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    StartedByRole = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedMs = table.Column<long>(type: "bigint", nullable: false),
                    FinishedMs = table.Column<long>(type: "bigint", nullable: true),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CancelledBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bulk_jobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "bulk_job_rows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    JobId = table.Column<long>(type: "bigint", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Identity = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    MailFromDomain = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    Before = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: true),
                    ZoneId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ZoneName = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    Plan = table.Column<string>(type: "text", nullable: true),
                    State = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Result = table.Column<string>(type: "text", nullable: true),
                    ChangeId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UpdatedMs = table.Column<long>(type: "bigint", nullable: false)
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
