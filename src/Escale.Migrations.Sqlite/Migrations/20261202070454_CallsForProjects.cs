using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Escale.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CallsForProjects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Calls",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Organiser = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    Themes = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    MinAge = table.Column<int>(type: "INTEGER", nullable: true),
                    MaxAge = table.Column<int>(type: "INTEGER", nullable: true),
                    MinTeamSize = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxTeamSize = table.Column<int>(type: "INTEGER", nullable: false),
                    RequiresGuardianAuthorisationForAllMinors = table.Column<bool>(type: "INTEGER", nullable: false),
                    EligibilityConditions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OpensAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosesAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResultsExpectedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResultsPublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FollowUpStartsAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NormaliseScores = table.Column<bool>(type: "INTEGER", nullable: false),
                    MinScoresForNormalisation = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Calls", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CallApplications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CallId = table.Column<int>(type: "INTEGER", nullable: false),
                    LeadUserId = table.Column<string>(type: "TEXT", nullable: false),
                    ProjectTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    StatusReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DecidedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    JuryFeedback = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    PhotoImageId = table.Column<int>(type: "INTEGER", nullable: true),
                    PhotoAlt = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    PhotoConsentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallApplications_AspNetUsers_DecidedByUserId",
                        column: x => x.DecidedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CallApplications_AspNetUsers_LeadUserId",
                        column: x => x.LeadUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CallApplications_Calls_CallId",
                        column: x => x.CallId,
                        principalTable: "Calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CallApplications_MediaImages_PhotoImageId",
                        column: x => x.PhotoImageId,
                        principalTable: "MediaImages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "CallCriteria",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CallId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Weight = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallCriteria", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallCriteria_Calls_CallId",
                        column: x => x.CallId,
                        principalTable: "Calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallFields",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CallId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Help = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Required = table.Column<bool>(type: "INTEGER", nullable: false),
                    Visibility = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Choices = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallFields", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallFields_Calls_CallId",
                        column: x => x.CallId,
                        principalTable: "Calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallJurors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CallId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallJurors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallJurors_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CallJurors_Calls_CallId",
                        column: x => x.CallId,
                        principalTable: "Calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallPrizes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CallId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AmountEuros = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallPrizes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallPrizes_Calls_CallId",
                        column: x => x.CallId,
                        principalTable: "Calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallResidentIntercommunality",
                columns: table => new
                {
                    CallForProjectsId = table.Column<int>(type: "INTEGER", nullable: false),
                    ResidentIntercommunalitiesId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallResidentIntercommunality", x => new { x.CallForProjectsId, x.ResidentIntercommunalitiesId });
                    table.ForeignKey(
                        name: "FK_CallResidentIntercommunality_Calls_CallForProjectsId",
                        column: x => x.CallForProjectsId,
                        principalTable: "Calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CallResidentIntercommunality_Intercommunalities_ResidentIntercommunalitiesId",
                        column: x => x.ResidentIntercommunalitiesId,
                        principalTable: "Intercommunalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ApplicationMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    InvitationTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    InvitedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CommuneId = table.Column<int>(type: "INTEGER", nullable: true),
                    School = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApplicationMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApplicationMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ApplicationMembers_CallApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "CallApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ApplicationMembers_Communes_CommuneId",
                        column: x => x.CommuneId,
                        principalTable: "Communes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ApplicationStatusChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApplicationStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApplicationStatusChanges_CallApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "CallApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JurorAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    JurorUserId = table.Column<string>(type: "TEXT", nullable: false),
                    AssignedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConflictDeclaredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConflictReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WeightedScore = table.Column<double>(type: "REAL", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JurorAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JurorAssignments_AspNetUsers_JurorUserId",
                        column: x => x.JurorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_JurorAssignments_CallApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "CallApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProjectFollowUps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SupportAmountEuros = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    SupportDescription = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    MentorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PartnerOrganisationId = table.Column<int>(type: "INTEGER", nullable: true),
                    PublicSummary = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectFollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectFollowUps_CallApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "CallApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProjectFollowUps_Organisations_PartnerOrganisationId",
                        column: x => x.PartnerOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ApplicationAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    FieldId = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApplicationAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApplicationAnswers_CallApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "CallApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ApplicationAnswers_CallFields_FieldId",
                        column: x => x.FieldId,
                        principalTable: "CallFields",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GuardianConsents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    GuardianName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    GuardianEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConfirmedName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Relationship = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ConsentedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PhotoAllowed = table.Column<bool>(type: "INTEGER", nullable: false),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuardianConsents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GuardianConsents_ApplicationMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "ApplicationMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JurorScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssignmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    CriterionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JurorScores", x => x.Id);
                    table.CheckConstraint("CK_JurorScores_Score", "\"Score\" >= 0 AND \"Score\" <= 10");
                    table.ForeignKey(
                        name: "FK_JurorScores_CallCriteria_CriterionId",
                        column: x => x.CriterionId,
                        principalTable: "CallCriteria",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_JurorScores_JurorAssignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "JurorAssignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FollowUpId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AuthorUserId = table.Column<string>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpEntries_AspNetUsers_AuthorUserId",
                        column: x => x.AuthorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FollowUpEntries_ProjectFollowUps_FollowUpId",
                        column: x => x.FollowUpId,
                        principalTable: "ProjectFollowUps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpMilestones",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FollowUpId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReachedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Public = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpMilestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpMilestones_ProjectFollowUps_FollowUpId",
                        column: x => x.FollowUpId,
                        principalTable: "ProjectFollowUps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ApplicationFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AnswerId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApplicationFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApplicationFiles_ApplicationAnswers_AnswerId",
                        column: x => x.AnswerId,
                        principalTable: "ApplicationAnswers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationAnswers_ApplicationId_FieldId",
                table: "ApplicationAnswers",
                columns: new[] { "ApplicationId", "FieldId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationAnswers_FieldId",
                table: "ApplicationAnswers",
                column: "FieldId");

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationFiles_AnswerId",
                table: "ApplicationFiles",
                column: "AnswerId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationMembers_ApplicationId_Email",
                table: "ApplicationMembers",
                columns: new[] { "ApplicationId", "Email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationMembers_ApplicationId_UserId",
                table: "ApplicationMembers",
                columns: new[] { "ApplicationId", "UserId" },
                unique: true,
                filter: "\"UserId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationMembers_CommuneId",
                table: "ApplicationMembers",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationMembers_InvitationTokenHash",
                table: "ApplicationMembers",
                column: "InvitationTokenHash",
                unique: true,
                filter: "\"InvitationTokenHash\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationMembers_UserId",
                table: "ApplicationMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationStatusChanges_ApplicationId",
                table: "ApplicationStatusChanges",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_CallApplications_CallId_LeadUserId",
                table: "CallApplications",
                columns: new[] { "CallId", "LeadUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CallApplications_CallId_Status",
                table: "CallApplications",
                columns: new[] { "CallId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CallApplications_DecidedByUserId",
                table: "CallApplications",
                column: "DecidedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CallApplications_LeadUserId",
                table: "CallApplications",
                column: "LeadUserId");

            migrationBuilder.CreateIndex(
                name: "IX_CallApplications_PhotoImageId",
                table: "CallApplications",
                column: "PhotoImageId");

            migrationBuilder.CreateIndex(
                name: "IX_CallCriteria_CallId",
                table: "CallCriteria",
                column: "CallId");

            migrationBuilder.CreateIndex(
                name: "IX_CallFields_CallId_Order",
                table: "CallFields",
                columns: new[] { "CallId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_CallJurors_CallId_UserId",
                table: "CallJurors",
                columns: new[] { "CallId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CallJurors_UserId",
                table: "CallJurors",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_CallPrizes_CallId",
                table: "CallPrizes",
                column: "CallId");

            migrationBuilder.CreateIndex(
                name: "IX_CallResidentIntercommunality_ResidentIntercommunalitiesId",
                table: "CallResidentIntercommunality",
                column: "ResidentIntercommunalitiesId");

            migrationBuilder.CreateIndex(
                name: "IX_Calls_PublishedAt",
                table: "Calls",
                column: "PublishedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Calls_Slug",
                table: "Calls",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpEntries_AuthorUserId",
                table: "FollowUpEntries",
                column: "AuthorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpEntries_FollowUpId",
                table: "FollowUpEntries",
                column: "FollowUpId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpMilestones_FollowUpId",
                table: "FollowUpMilestones",
                column: "FollowUpId");

            migrationBuilder.CreateIndex(
                name: "IX_GuardianConsents_MemberId",
                table: "GuardianConsents",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_GuardianConsents_TokenHash",
                table: "GuardianConsents",
                column: "TokenHash",
                unique: true,
                filter: "\"TokenHash\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_JurorAssignments_ApplicationId_JurorUserId",
                table: "JurorAssignments",
                columns: new[] { "ApplicationId", "JurorUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JurorAssignments_JurorUserId",
                table: "JurorAssignments",
                column: "JurorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_JurorScores_AssignmentId_CriterionId",
                table: "JurorScores",
                columns: new[] { "AssignmentId", "CriterionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JurorScores_CriterionId",
                table: "JurorScores",
                column: "CriterionId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectFollowUps_ApplicationId",
                table: "ProjectFollowUps",
                column: "ApplicationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProjectFollowUps_PartnerOrganisationId",
                table: "ProjectFollowUps",
                column: "PartnerOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectFollowUps_PublishedAt",
                table: "ProjectFollowUps",
                column: "PublishedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ProjectFollowUps_Slug",
                table: "ProjectFollowUps",
                column: "Slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApplicationFiles");

            migrationBuilder.DropTable(
                name: "ApplicationStatusChanges");

            migrationBuilder.DropTable(
                name: "CallJurors");

            migrationBuilder.DropTable(
                name: "CallPrizes");

            migrationBuilder.DropTable(
                name: "CallResidentIntercommunality");

            migrationBuilder.DropTable(
                name: "FollowUpEntries");

            migrationBuilder.DropTable(
                name: "FollowUpMilestones");

            migrationBuilder.DropTable(
                name: "GuardianConsents");

            migrationBuilder.DropTable(
                name: "JurorScores");

            migrationBuilder.DropTable(
                name: "ApplicationAnswers");

            migrationBuilder.DropTable(
                name: "ProjectFollowUps");

            migrationBuilder.DropTable(
                name: "ApplicationMembers");

            migrationBuilder.DropTable(
                name: "CallCriteria");

            migrationBuilder.DropTable(
                name: "JurorAssignments");

            migrationBuilder.DropTable(
                name: "CallFields");

            migrationBuilder.DropTable(
                name: "CallApplications");

            migrationBuilder.DropTable(
                name: "Calls");
        }
    }
}
