using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Escale.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class CandidateFollowUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Interests recorded before the follow-up existed are new to their employer.
            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "OpportunityInterests",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "New");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "StatusChangedAt",
                table: "OpportunityInterests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CandidateSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InterestId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Message = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AuthorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CandidateSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CandidateSteps_AspNetUsers_AuthorUserId",
                        column: x => x.AuthorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CandidateSteps_OpportunityInterests_InterestId",
                        column: x => x.InterestId,
                        principalTable: "OpportunityInterests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CandidateSteps_AuthorUserId",
                table: "CandidateSteps",
                column: "AuthorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CandidateSteps_InterestId_At",
                table: "CandidateSteps",
                columns: new[] { "InterestId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CandidateSteps");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "OpportunityInterests");

            migrationBuilder.DropColumn(
                name: "StatusChangedAt",
                table: "OpportunityInterests");
        }
    }
}
