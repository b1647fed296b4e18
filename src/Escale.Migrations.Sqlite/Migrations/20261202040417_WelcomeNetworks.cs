using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Escale.Migrations.Sqlite.Migrations
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    IntercommunalityId = table.Column<int>(type: "INTEGER", nullable: true),
                    CommuneId = table.Column<int>(type: "INTEGER", nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    Website = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    TerritoryServiceId = table.Column<int>(type: "INTEGER", nullable: true),
                    WelcomeOrganisationId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubmissionKey = table.Column<Guid>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    IntercommunalityId = table.Column<int>(type: "INTEGER", nullable: true),
                    StructureKind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    StructureId = table.Column<int>(type: "INTEGER", nullable: true),
                    SenderUserId = table.Column<string>(type: "TEXT", nullable: true),
                    SenderName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StructureId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CommuneId = table.Column<int>(type: "INTEGER", nullable: true),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StructureId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: true),
                    InDirectory = table.Column<bool>(type: "INTEGER", nullable: false),
                    FromOrganisation = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MailingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Persons = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PromotedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReminderSentAt = table.Column<long>(type: "INTEGER", nullable: true)
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
