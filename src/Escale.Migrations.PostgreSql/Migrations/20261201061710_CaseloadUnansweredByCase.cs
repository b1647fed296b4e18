using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Escale.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class CaseloadUnansweredByCase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseAssignments_Unanswered",
                table: "CaseAssignments");

            migrationBuilder.CreateIndex(
                name: "IX_CaseAssignments_Unanswered",
                table: "CaseAssignments",
                columns: new[] { "CaseId", "FirstResponseDueOn", "OrganisationId" },
                filter: "\"EndedAt\" IS NULL AND \"RespondedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseAssignments_Unanswered",
                table: "CaseAssignments");

            migrationBuilder.CreateIndex(
                name: "IX_CaseAssignments_Unanswered",
                table: "CaseAssignments",
                columns: new[] { "FirstResponseDueOn", "CaseId", "OrganisationId" },
                filter: "\"EndedAt\" IS NULL AND \"RespondedAt\" IS NULL");
        }
    }
}
