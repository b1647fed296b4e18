using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Escale.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class SpouseEmployment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SpouseProfiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<int>(type: "integer", nullable: false),
                    AdultIndex = table.Column<int>(type: "integer", nullable: false),
                    RomeCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    ExperienceYears = table.Column<int>(type: "integer", nullable: true),
                    AvailableOn = table.Column<DateOnly>(type: "date", nullable: true),
                    IntercommunalityIds = table.Column<List<int>>(type: "integer[]", nullable: false),
                    CommuneIds = table.Column<List<int>>(type: "integer[]", nullable: false),
                    DistanceKm = table.Column<int>(type: "integer", nullable: true),
                    Languages = table.Column<List<string>>(type: "text[]", nullable: false),
                    Presentation = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CvDocumentId = table.Column<int>(type: "integer", nullable: true),
                    SharedUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    SharingConsentedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SharingStoppedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpouseProfiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpouseProfiles_CaseDocuments_CvDocumentId",
                        column: x => x.CvDocumentId,
                        principalTable: "CaseDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SpouseProfiles_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SpouseIntroductions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SpouseProfileId = table.Column<int>(type: "integer", nullable: false),
                    PartnerOrganisationId = table.Column<int>(type: "integer", nullable: false),
                    RequestedByUserId = table.Column<string>(type: "text", nullable: true),
                    Message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpouseIntroductions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpouseIntroductions_AspNetUsers_RequestedByUserId",
                        column: x => x.RequestedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SpouseIntroductions_Organisations_PartnerOrganisationId",
                        column: x => x.PartnerOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SpouseIntroductions_SpouseProfiles_SpouseProfileId",
                        column: x => x.SpouseProfileId,
                        principalTable: "SpouseProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SpouseIntroductions_PartnerOrganisationId",
                table: "SpouseIntroductions",
                column: "PartnerOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_SpouseIntroductions_RequestedByUserId",
                table: "SpouseIntroductions",
                column: "RequestedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_SpouseIntroductions_SpouseProfileId_PartnerOrganisationId",
                table: "SpouseIntroductions",
                columns: new[] { "SpouseProfileId", "PartnerOrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpouseProfiles_CaseId",
                table: "SpouseProfiles",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpouseProfiles_CvDocumentId",
                table: "SpouseProfiles",
                column: "CvDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_SpouseProfiles_SharedUntil",
                table: "SpouseProfiles",
                column: "SharedUntil");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SpouseIntroductions");

            migrationBuilder.DropTable(
                name: "SpouseProfiles");
        }
    }
}
