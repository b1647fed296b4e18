using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Escale.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class WelcomeNetworks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WelcomeStructures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    IntercommunalityId = table.Column<int>(type: "integer", nullable: true),
                    CommuneId = table.Column<int>(type: "integer", nullable: true),
                    Address = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Phone = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    Website = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    TerritoryServiceId = table.Column<int>(type: "integer", nullable: true),
                    WelcomeOrganisationId = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WelcomeStructures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WelcomeStructures_Communes_CommuneId",
                        column: x => x.CommuneId,
                        principalTable: "Communes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_WelcomeStructures_Intercommunalities_IntercommunalityId",
                        column: x => x.IntercommunalityId,
                        principalTable: "Intercommunalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WelcomeStructures_TerritoryServices_TerritoryServiceId",
                        column: x => x.TerritoryServiceId,
                        principalTable: "TerritoryServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WelcomeStructures_WelcomeOrganisations_WelcomeOrganisationId",
                        column: x => x.WelcomeOrganisationId,
                        principalTable: "WelcomeOrganisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NetworkMailings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SubmissionKey = table.Column<Guid>(type: "uuid", nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    IntercommunalityId = table.Column<int>(type: "integer", nullable: true),
                    StructureKind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Role = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    StructureId = table.Column<int>(type: "integer", nullable: true),
                    SenderUserId = table.Column<string>(type: "text", nullable: true),
                    SenderName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkMailings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NetworkMailings_AspNetUsers_SenderUserId",
                        column: x => x.SenderUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_NetworkMailings_WelcomeStructures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "WelcomeStructures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "NewcomerEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StructureId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CommuneId = table.Column<int>(type: "integer", nullable: true),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewcomerEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NewcomerEvents_Communes_CommuneId",
                        column: x => x.CommuneId,
                        principalTable: "Communes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_NewcomerEvents_WelcomeStructures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "WelcomeStructures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WelcomeStructureMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StructureId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    Phone = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: true),
                    InDirectory = table.Column<bool>(type: "boolean", nullable: false),
                    FromOrganisation = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WelcomeStructureMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WelcomeStructureMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WelcomeStructureMembers_WelcomeStructures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "WelcomeStructures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NetworkMailingRecipients",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MailingId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkMailingRecipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NetworkMailingRecipients_NetworkMailings_MailingId",
                        column: x => x.MailingId,
                        principalTable: "NetworkMailings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NewcomerEventRegistrations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    Persons = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PromotedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReminderSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewcomerEventRegistrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NewcomerEventRegistrations_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NewcomerEventRegistrations_NewcomerEvents_EventId",
                        column: x => x.EventId,
                        principalTable: "NewcomerEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NetworkMailingRecipients_MailingId",
                table: "NetworkMailingRecipients",
                column: "MailingId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkMailingRecipients_UserId",
                table: "NetworkMailingRecipients",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkMailings_SenderUserId",
                table: "NetworkMailings",
                column: "SenderUserId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkMailings_SentAt",
                table: "NetworkMailings",
                column: "SentAt");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkMailings_StructureId",
                table: "NetworkMailings",
                column: "StructureId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkMailings_SubmissionKey",
                table: "NetworkMailings",
                column: "SubmissionKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NewcomerEventRegistrations_EventId_Status_CreatedAt",
                table: "NewcomerEventRegistrations",
                columns: new[] { "EventId", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_NewcomerEventRegistrations_EventId_UserId",
                table: "NewcomerEventRegistrations",
                columns: new[] { "EventId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NewcomerEventRegistrations_UserId",
                table: "NewcomerEventRegistrations",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_NewcomerEvents_CommuneId",
                table: "NewcomerEvents",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_NewcomerEvents_StartsAt",
                table: "NewcomerEvents",
                column: "StartsAt");

            migrationBuilder.CreateIndex(
                name: "IX_NewcomerEvents_StructureId_StartsAt_Title",
                table: "NewcomerEvents",
                columns: new[] { "StructureId", "StartsAt", "Title" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WelcomeStructureMembers_StructureId_Name",
                table: "WelcomeStructureMembers",
                columns: new[] { "StructureId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WelcomeStructureMembers_StructureId_UserId",
                table: "WelcomeStructureMembers",
                columns: new[] { "StructureId", "UserId" },
                unique: true,
                filter: "\"UserId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_WelcomeStructureMembers_UserId_Role",
                table: "WelcomeStructureMembers",
                columns: new[] { "UserId", "Role" });

            migrationBuilder.CreateIndex(
                name: "IX_WelcomeStructures_CommuneId",
                table: "WelcomeStructures",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_WelcomeStructures_IntercommunalityId_Name",
                table: "WelcomeStructures",
                columns: new[] { "IntercommunalityId", "Name" },
                unique: true,
                filter: "\"TerritoryServiceId\" IS NULL AND \"WelcomeOrganisationId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_WelcomeStructures_TerritoryServiceId",
                table: "WelcomeStructures",
                column: "TerritoryServiceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WelcomeStructures_WelcomeOrganisationId",
                table: "WelcomeStructures",
                column: "WelcomeOrganisationId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NetworkMailingRecipients");

            migrationBuilder.DropTable(
                name: "NewcomerEventRegistrations");

            migrationBuilder.DropTable(
                name: "WelcomeStructureMembers");

            migrationBuilder.DropTable(
                name: "NetworkMailings");

            migrationBuilder.DropTable(
                name: "NewcomerEvents");

            migrationBuilder.DropTable(
                name: "WelcomeStructures");
        }
    }
}
