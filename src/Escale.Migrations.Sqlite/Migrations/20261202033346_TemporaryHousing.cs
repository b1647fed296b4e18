using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Escale.Migrations.Sqlite.Migrations
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CommuneId = table.Column<int>(type: "INTEGER", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Price = table.Column<int>(type: "INTEGER", nullable: false),
                    PricePeriod = table.Column<int>(type: "INTEGER", nullable: false),
                    Rules = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    MinNights = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxNights = table.Column<int>(type: "INTEGER", nullable: true),
                    Withdrawn = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfferId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfferId = table.Column<int>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmissionKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    ArrivalOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DepartureOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Persons = table.Column<int>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
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

            // Two held bookings (requested or accepted: statuses 0 and 1) never share a night of the same offer. SQLite has no
            // exclusion constraint: these triggers refuse the insert or update that would overlap, and the application reads
            // the constraint's name in the error. Writes are serialised by SQLite, so the check cannot race.
            // Dates are ISO text ("yyyy-MM-dd"), which compares in date order.
            migrationBuilder.Sql("""
                CREATE TRIGGER "HousingBookings_NoOverlap_Insert" BEFORE INSERT ON "HousingBookings"
                WHEN NEW."Status" IN (0, 1) AND EXISTS (
                    SELECT 1 FROM "HousingBookings" AS b
                    WHERE b."OfferId" = NEW."OfferId" AND b."Status" IN (0, 1)
                      AND b."ArrivalOn" < NEW."DepartureOn" AND NEW."ArrivalOn" < b."DepartureOn")
                BEGIN
                    SELECT RAISE(ABORT, 'HousingBookings_NoOverlap');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "HousingBookings_NoOverlap_Update" BEFORE UPDATE OF "OfferId", "ArrivalOn", "DepartureOn", "Status" ON "HousingBookings"
                WHEN NEW."Status" IN (0, 1) AND EXISTS (
                    SELECT 1 FROM "HousingBookings" AS b
                    WHERE b."Id" <> NEW."Id" AND b."OfferId" = NEW."OfferId" AND b."Status" IN (0, 1)
                      AND b."ArrivalOn" < NEW."DepartureOn" AND NEW."ArrivalOn" < b."DepartureOn")
                BEGIN
                    SELECT RAISE(ABORT, 'HousingBookings_NoOverlap');
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"HousingBookings_NoOverlap_Update\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"HousingBookings_NoOverlap_Insert\";");

            migrationBuilder.DropTable(
                name: "HousingAvailabilities");

            migrationBuilder.DropTable(
                name: "HousingBookings");

            migrationBuilder.DropTable(
                name: "HousingOffers");
        }
    }
}
