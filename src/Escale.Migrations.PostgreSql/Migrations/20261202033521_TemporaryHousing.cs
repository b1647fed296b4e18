using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Escale.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class TemporaryHousing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HousingOffers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CommuneId = table.Column<int>(type: "integer", nullable: false),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    Price = table.Column<int>(type: "integer", nullable: false),
                    PricePeriod = table.Column<int>(type: "integer", nullable: false),
                    Rules = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    MinNights = table.Column<int>(type: "integer", nullable: false),
                    MaxNights = table.Column<int>(type: "integer", nullable: true),
                    Withdrawn = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HousingOffers", x => x.Id);
                    table.CheckConstraint("CK_HousingOffers_Capacity", "\"Capacity\" > 0");
                    table.ForeignKey(
                        name: "FK_HousingOffers_Communes_CommuneId",
                        column: x => x.CommuneId,
                        principalTable: "Communes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HousingOffers_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HousingAvailabilities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OfferId = table.Column<int>(type: "integer", nullable: false),
                    StartOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HousingAvailabilities", x => x.Id);
                    table.CheckConstraint("CK_HousingAvailabilities_Dates", "\"EndOn\" > \"StartOn\"");
                    table.ForeignKey(
                        name: "FK_HousingAvailabilities_HousingOffers_OfferId",
                        column: x => x.OfferId,
                        principalTable: "HousingOffers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HousingBookings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OfferId = table.Column<int>(type: "integer", nullable: false),
                    CaseId = table.Column<int>(type: "integer", nullable: false),
                    SubmissionKey = table.Column<Guid>(type: "uuid", nullable: false),
                    ArrivalOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DepartureOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Persons = table.Column<int>(type: "integer", nullable: false),
                    Message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    DeclineReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HousingBookings", x => x.Id);
                    table.CheckConstraint("CK_HousingBookings_Dates", "\"DepartureOn\" > \"ArrivalOn\"");
                    table.ForeignKey(
                        name: "FK_HousingBookings_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HousingBookings_HousingOffers_OfferId",
                        column: x => x.OfferId,
                        principalTable: "HousingOffers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HousingAvailabilities_OfferId_StartOn",
                table: "HousingAvailabilities",
                columns: new[] { "OfferId", "StartOn" });

            migrationBuilder.CreateIndex(
                name: "IX_HousingBookings_CaseId",
                table: "HousingBookings",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_HousingBookings_OfferId_ArrivalOn",
                table: "HousingBookings",
                columns: new[] { "OfferId", "ArrivalOn" });

            migrationBuilder.CreateIndex(
                name: "IX_HousingBookings_SubmissionKey",
                table: "HousingBookings",
                column: "SubmissionKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HousingOffers_CommuneId",
                table: "HousingOffers",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_HousingOffers_OrganisationId",
                table: "HousingOffers",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_HousingOffers_Withdrawn_CommuneId",
                table: "HousingOffers",
                columns: new[] { "Withdrawn", "CommuneId" });

            // Two held bookings (requested or accepted: statuses 0 and 1) never share a night of the same offer: an exclusion
            // constraint over the nights [arrival, departure) (https://www.postgresql.org/docs/current/rangetypes.html#RANGETYPES-CONSTRAINT).
            // btree_gist lets the offer's integer join the range in one GiST index. Under concurrency the second insert waits
            // for the first and fails with 23P01, whose message names the constraint.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS btree_gist;");
            migrationBuilder.Sql("""
                ALTER TABLE "HousingBookings" ADD CONSTRAINT "HousingBookings_NoOverlap"
                EXCLUDE USING gist ("OfferId" WITH =, daterange("ArrivalOn", "DepartureOn") WITH &&)
                WHERE ("Status" IN (0, 1));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE \"HousingBookings\" DROP CONSTRAINT IF EXISTS \"HousingBookings_NoOverlap\";");

            migrationBuilder.DropTable(
                name: "HousingAvailabilities");

            migrationBuilder.DropTable(
                name: "HousingBookings");

            migrationBuilder.DropTable(
                name: "HousingOffers");
        }
    }
}
