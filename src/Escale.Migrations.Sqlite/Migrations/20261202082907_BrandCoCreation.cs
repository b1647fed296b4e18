using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Escale.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BrandCoCreation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BrandProposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ImageId = table.Column<int>(type: "INTEGER", nullable: true),
                    AuthorUserId = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreationKey = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ModeratedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ModeratedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    AnswerReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnsweredByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    AnsweredByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BrandProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BrandProposals_AspNetUsers_AnsweredByUserId",
                        column: x => x.AnsweredByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_BrandProposals_AspNetUsers_AuthorUserId",
                        column: x => x.AuthorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_BrandProposals_AspNetUsers_ModeratedByUserId",
                        column: x => x.ModeratedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_BrandProposals_MediaImages_ImageId",
                        column: x => x.ImageId,
                        principalTable: "MediaImages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "BrandProposalComments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorUserId = table.Column<string>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreationKey = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    HiddenAt = table.Column<long>(type: "INTEGER", nullable: true),
                    HiddenByUserId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BrandProposalComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BrandProposalComments_AspNetUsers_AuthorUserId",
                        column: x => x.AuthorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BrandProposalComments_AspNetUsers_HiddenByUserId",
                        column: x => x.HiddenByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_BrandProposalComments_BrandProposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "BrandProposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BrandProposalVotes",
                columns: table => new
                {
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BrandProposalVotes", x => new { x.ProposalId, x.UserId });
                    table.ForeignKey(
                        name: "FK_BrandProposalVotes_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BrandProposalVotes_BrandProposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "BrandProposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BrandProposalComments_AuthorUserId",
                table: "BrandProposalComments",
                column: "AuthorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_BrandProposalComments_CreationKey",
                table: "BrandProposalComments",
                column: "CreationKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BrandProposalComments_HiddenByUserId",
                table: "BrandProposalComments",
                column: "HiddenByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_BrandProposalComments_ProposalId_CreatedAt",
                table: "BrandProposalComments",
                columns: new[] { "ProposalId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_BrandProposals_AnsweredByUserId",
                table: "BrandProposals",
                column: "AnsweredByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_BrandProposals_AuthorUserId",
                table: "BrandProposals",
                column: "AuthorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_BrandProposals_CreationKey",
                table: "BrandProposals",
                column: "CreationKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BrandProposals_ImageId",
                table: "BrandProposals",
                column: "ImageId");

            migrationBuilder.CreateIndex(
                name: "IX_BrandProposals_ModeratedByUserId",
                table: "BrandProposals",
                column: "ModeratedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_BrandProposals_Status_CreatedAt",
                table: "BrandProposals",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_BrandProposalVotes_UserId",
                table: "BrandProposalVotes",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BrandProposalComments");

            migrationBuilder.DropTable(
                name: "BrandProposalVotes");

            migrationBuilder.DropTable(
                name: "BrandProposals");
        }
    }
}
