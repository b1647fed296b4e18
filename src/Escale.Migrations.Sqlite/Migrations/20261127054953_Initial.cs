using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Escale.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSignInAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CampaignCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    FirstCampaignCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<long>(type: "INTEGER", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Campaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Channels = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreationKey = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Campaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Intercommunalities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Siren = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Nature = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    SeatDepartment = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    MemberCount = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberCountInTerritory = table.Column<int>(type: "INTEGER", nullable: false),
                    PopulationInTerritory = table.Column<int>(type: "INTEGER", nullable: false),
                    WhollyInTerritory = table.Column<bool>(type: "INTEGER", nullable: false),
                    BoundaryGeoJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Intercommunalities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JobSchedules",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NextRunAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastStartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastCompletedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobSchedules", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "LegalPopulations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Millesime = table.Column<int>(type: "INTEGER", nullable: false),
                    InForceYear = table.Column<int>(type: "INTEGER", nullable: false),
                    CommuneCount = table.Column<int>(type: "INTEGER", nullable: false),
                    MunicipalPopulation = table.Column<int>(type: "INTEGER", nullable: false),
                    TotalPopulation = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegalPopulations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NafActivities",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Section = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NafActivities", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Personas",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Name_Fr = table.Column<string>(type: "TEXT", nullable: false),
                    Name_En = table.Column<string>(type: "TEXT", nullable: true),
                    Entry_Fr = table.Column<string>(type: "TEXT", nullable: false),
                    Entry_En = table.Column<string>(type: "TEXT", nullable: true),
                    Summary_Fr = table.Column<string>(type: "TEXT", nullable: false),
                    Summary_En = table.Column<string>(type: "TEXT", nullable: true),
                    Body_Fr = table.Column<string>(type: "TEXT", nullable: false),
                    Body_En = table.Column<string>(type: "TEXT", nullable: true),
                    Needs = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Personas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PopulationEstimates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    AreaName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Under20 = table.Column<int>(type: "INTEGER", nullable: false),
                    From20To59 = table.Column<int>(type: "INTEGER", nullable: false),
                    Over60 = table.Column<int>(type: "INTEGER", nullable: false),
                    Over65 = table.Column<int>(type: "INTEGER", nullable: false),
                    Over75 = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PopulationEstimates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReferenceDataVersions",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LoadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferenceDataVersions", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "RomeDomains",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    GrandDomainCode = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RomeDomains", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "RomeOccupations",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DomainCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    GrandDomainCode = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RomeOccupations", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "SearchAlerts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    QueryString = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConfirmationToken = table.Column<string>(type: "TEXT", maxLength: 43, nullable: false),
                    UnsubscribeToken = table.Column<string>(type: "TEXT", maxLength: 43, nullable: false),
                    LastSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastSeenPublishedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchAlerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Territories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind_Fr = table.Column<string>(type: "TEXT", nullable: false),
                    Kind_En = table.Column<string>(type: "TEXT", nullable: true),
                    LegalPopulationYear = table.Column<int>(type: "INTEGER", nullable: false),
                    LegalPopulationInForceYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Positioning_Fr = table.Column<string>(type: "TEXT", nullable: false),
                    Positioning_En = table.Column<string>(type: "TEXT", nullable: true),
                    Promise_Fr = table.Column<string>(type: "TEXT", nullable: false),
                    Promise_En = table.Column<string>(type: "TEXT", nullable: true),
                    ContactOrganisation_Fr = table.Column<string>(type: "TEXT", nullable: false),
                    ContactOrganisation_En = table.Column<string>(type: "TEXT", nullable: true),
                    ContactEmail = table.Column<string>(type: "TEXT", nullable: false),
                    ContactPhone = table.Column<string>(type: "TEXT", nullable: false),
                    ContactPhoneInternational = table.Column<string>(type: "TEXT", nullable: true),
                    OutlineGeoJson = table.Column<string>(type: "TEXT", nullable: false),
                    ImportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Dna = table.Column<string>(type: "TEXT", nullable: true),
                    Values = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Territories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MediaImages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AltTextFr = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AltTextEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    RenditionWidths = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedByUserId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediaImages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MediaImages_AspNetUsers_UploadedByUserId",
                        column: x => x.UploadedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "CampaignLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TargetPath = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignLinks_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LandingPages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Published = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LandingPages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LandingPages_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Communes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InseeCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PostalCodes = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IntercommunalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Population = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaKm2 = table.Column<double>(type: "REAL", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    BoundaryGeoJson = table.Column<string>(type: "TEXT", nullable: false),
                    PopulationHistory = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Communes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Communes_Intercommunalities_IntercommunalityId",
                        column: x => x.IntercommunalityId,
                        principalTable: "Intercommunalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReferentIntercommunality",
                columns: table => new
                {
                    ApplicationUserId = table.Column<string>(type: "TEXT", nullable: false),
                    ReferentIntercommunalitiesId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferentIntercommunality", x => new { x.ApplicationUserId, x.ReferentIntercommunalitiesId });
                    table.ForeignKey(
                        name: "FK_ReferentIntercommunality_AspNetUsers_ApplicationUserId",
                        column: x => x.ApplicationUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReferentIntercommunality_Intercommunalities_ReferentIntercommunalitiesId",
                        column: x => x.ReferentIntercommunalitiesId,
                        principalTable: "Intercommunalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CampaignVisits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    LinkId = table.Column<int>(type: "INTEGER", nullable: true),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Medium = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    VisitedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LandingPath = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignVisits_CampaignLinks_LinkId",
                        column: x => x.LinkId,
                        principalTable: "CampaignLinks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CampaignVisits_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LandingBlocks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LandingPageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Heading = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    BodyMarkdown = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    ImageId = table.Column<int>(type: "INTEGER", nullable: true),
                    ContentIds = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    LinkLabel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LinkUrl = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LandingBlocks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LandingBlocks_LandingPages_LandingPageId",
                        column: x => x.LandingPageId,
                        principalTable: "LandingPages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LandingBlocks_MediaImages_ImageId",
                        column: x => x.ImageId,
                        principalTable: "MediaImages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Organisations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Siret = table.Column<string>(type: "TEXT", maxLength: 14, nullable: true),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    Website = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CommuneId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organisations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Organisations_Communes_CommuneId",
                        column: x => x.CommuneId,
                        principalTable: "Communes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ContentItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 130, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PublishAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CommuneId = table.Column<int>(type: "INTEGER", nullable: true),
                    IntercommunalityId = table.Column<int>(type: "INTEGER", nullable: true),
                    LeadImageId = table.Column<int>(type: "INTEGER", nullable: true),
                    Featured = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AuthorUserId = table.Column<string>(type: "TEXT", nullable: true),
                    CreationKey = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Venue = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Organiser = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Price = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Accessibility = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SectorNafCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    Website = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContentItems_AspNetUsers_AuthorUserId",
                        column: x => x.AuthorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ContentItems_Communes_CommuneId",
                        column: x => x.CommuneId,
                        principalTable: "Communes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContentItems_Intercommunalities_IntercommunalityId",
                        column: x => x.IntercommunalityId,
                        principalTable: "Intercommunalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContentItems_MediaImages_LeadImageId",
                        column: x => x.LeadImageId,
                        principalTable: "MediaImages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ContentItems_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Opportunities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: true),
                    EmployerName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    EmployerSiret = table.Column<string>(type: "TEXT", maxLength: 14, nullable: true),
                    CommuneId = table.Column<int>(type: "INTEGER", nullable: false),
                    IntercommunalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    RomeCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    RomeDomainCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    RomeGrandDomainCode = table.Column<string>(type: "TEXT", maxLength: 1, nullable: true),
                    Contract = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    WorkingTime = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    SalaryMin = table.Column<int>(type: "INTEGER", nullable: true),
                    SalaryMax = table.Column<int>(type: "INTEGER", nullable: true),
                    Remote = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OpenToDisabledWorkers = table.Column<bool>(type: "INTEGER", nullable: false),
                    NafCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    PriceMin = table.Column<int>(type: "INTEGER", nullable: true),
                    PriceMax = table.Column<int>(type: "INTEGER", nullable: true),
                    TurnoverBand = table.Column<string>(type: "TEXT", nullable: true),
                    Staff = table.Column<int>(type: "INTEGER", nullable: true),
                    Premises = table.Column<string>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", nullable: true),
                    Timeline = table.Column<string>(type: "TEXT", nullable: true),
                    Support = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    SellerName = table.Column<string>(type: "TEXT", nullable: true),
                    SellerEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    SellerPhone = table.Column<string>(type: "TEXT", nullable: true),
                    SupportOffered = table.Column<string>(type: "TEXT", nullable: true),
                    HowToApply = table.Column<string>(type: "TEXT", nullable: true),
                    ApplyUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ApplyEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SourceReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DedupKey = table.Column<string>(type: "TEXT", maxLength: 700, nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SubmittedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    ModerationNote = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ExpiryReminderSentAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Opportunities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Opportunities_Communes_CommuneId",
                        column: x => x.CommuneId,
                        principalTable: "Communes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Opportunities_Intercommunalities_IntercommunalityId",
                        column: x => x.IntercommunalityId,
                        principalTable: "Intercommunalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Opportunities_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "OrganisationMembers",
                columns: table => new
                {
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganisationMembers", x => new { x.OrganisationId, x.UserId });
                    table.ForeignKey(
                        name: "FK_OrganisationMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OrganisationMembers_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContentPersonas",
                columns: table => new
                {
                    ContentItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonaSlug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentPersonas", x => new { x.ContentItemId, x.PersonaSlug });
                    table.ForeignKey(
                        name: "FK_ContentPersonas_ContentItems_ContentItemId",
                        column: x => x.ContentItemId,
                        principalTable: "ContentItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContentRevisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContentItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    SnapshotJson = table.Column<string>(type: "TEXT", nullable: false),
                    AuthorUserId = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContentRevisions_AspNetUsers_AuthorUserId",
                        column: x => x.AuthorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ContentRevisions_ContentItems_ContentItemId",
                        column: x => x.ContentItemId,
                        principalTable: "ContentItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContentThemes",
                columns: table => new
                {
                    ContentItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Theme = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentThemes", x => new { x.ContentItemId, x.Theme });
                    table.ForeignKey(
                        name: "FK_ContentThemes_ContentItems_ContentItemId",
                        column: x => x.ContentItemId,
                        principalTable: "ContentItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContentTranslations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContentItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    BodyMarkdown = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentTranslations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContentTranslations_ContentItems_ContentItemId",
                        column: x => x.ContentItemId,
                        principalTable: "ContentItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ApprovedVersions",
                columns: table => new
                {
                    OpportunityId = table.Column<int>(type: "INTEGER", nullable: false),
                    FieldsJson = table.Column<string>(type: "TEXT", nullable: false),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApprovedVersions", x => x.OpportunityId);
                    table.ForeignKey(
                        name: "FK_ApprovedVersions_Opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "Opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OpportunityInterests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OpportunityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ConsentedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CampaignCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    FirstCampaignCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpportunityInterests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OpportunityInterests_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_OpportunityInterests_Opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "Opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TakeoverContactRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OpportunityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ConsentedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CampaignCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    FirstCampaignCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TakeoverContactRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TakeoverContactRequests_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_TakeoverContactRequests_Opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "Opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CampaignLinks_CampaignId",
                table: "CampaignLinks",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignLinks_Code",
                table: "CampaignLinks",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_CreationKey",
                table: "Campaigns",
                column: "CreationKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_Slug",
                table: "Campaigns",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CampaignVisits_CampaignId_VisitedAt",
                table: "CampaignVisits",
                columns: new[] { "CampaignId", "VisitedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignVisits_LinkId",
                table: "CampaignVisits",
                column: "LinkId");

            migrationBuilder.CreateIndex(
                name: "IX_Communes_InseeCode",
                table: "Communes",
                column: "InseeCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Communes_IntercommunalityId",
                table: "Communes",
                column: "IntercommunalityId");

            migrationBuilder.CreateIndex(
                name: "IX_Communes_Slug",
                table: "Communes",
                column: "Slug");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_AuthorUserId",
                table: "ContentItems",
                column: "AuthorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_CommuneId",
                table: "ContentItems",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_CreationKey",
                table: "ContentItems",
                column: "CreationKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_IntercommunalityId",
                table: "ContentItems",
                column: "IntercommunalityId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_LeadImageId",
                table: "ContentItems",
                column: "LeadImageId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_OrganisationId",
                table: "ContentItems",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_Status_Type_PublishAt",
                table: "ContentItems",
                columns: new[] { "Status", "Type", "PublishAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_Type_Slug",
                table: "ContentItems",
                columns: new[] { "Type", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_Type_StartsAt",
                table: "ContentItems",
                columns: new[] { "Type", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentItems_UpdatedAt",
                table: "ContentItems",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ContentPersonas_PersonaSlug_ContentItemId",
                table: "ContentPersonas",
                columns: new[] { "PersonaSlug", "ContentItemId" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentRevisions_AuthorUserId",
                table: "ContentRevisions",
                column: "AuthorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentRevisions_ContentItemId_Number",
                table: "ContentRevisions",
                columns: new[] { "ContentItemId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContentThemes_Theme_ContentItemId",
                table: "ContentThemes",
                columns: new[] { "Theme", "ContentItemId" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentTranslations_ContentItemId_Language",
                table: "ContentTranslations",
                columns: new[] { "ContentItemId", "Language" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Intercommunalities_Siren",
                table: "Intercommunalities",
                column: "Siren",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Intercommunalities_Slug",
                table: "Intercommunalities",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LandingBlocks_ImageId",
                table: "LandingBlocks",
                column: "ImageId");

            migrationBuilder.CreateIndex(
                name: "IX_LandingBlocks_LandingPageId_Position",
                table: "LandingBlocks",
                columns: new[] { "LandingPageId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_LandingPages_CampaignId",
                table: "LandingPages",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_LandingPages_Slug",
                table: "LandingPages",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LegalPopulations_Millesime",
                table: "LegalPopulations",
                column: "Millesime",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MediaImages_Key",
                table: "MediaImages",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MediaImages_UploadedByUserId",
                table: "MediaImages",
                column: "UploadedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_CommuneId",
                table: "Opportunities",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_DedupKey",
                table: "Opportunities",
                column: "DedupKey");

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_IntercommunalityId",
                table: "Opportunities",
                column: "IntercommunalityId");

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_OrganisationId",
                table: "Opportunities",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_Source_SourceReference",
                table: "Opportunities",
                columns: new[] { "Source", "SourceReference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_Status_IntercommunalityId",
                table: "Opportunities",
                columns: new[] { "Status", "IntercommunalityId" });

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_Status_Kind_PublishedAt",
                table: "Opportunities",
                columns: new[] { "Status", "Kind", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_Status_RomeDomainCode",
                table: "Opportunities",
                columns: new[] { "Status", "RomeDomainCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_UpdatedAt",
                table: "Opportunities",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityInterests_OpportunityId_Email_CreatedAt",
                table: "OpportunityInterests",
                columns: new[] { "OpportunityId", "Email", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OpportunityInterests_UserId",
                table: "OpportunityInterests",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationMembers_UserId",
                table: "OrganisationMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_CommuneId",
                table: "Organisations",
                column: "CommuneId");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_Slug",
                table: "Organisations",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Personas_Slug",
                table: "Personas",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PopulationEstimates_AreaCode_Year",
                table: "PopulationEstimates",
                columns: new[] { "AreaCode", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReferentIntercommunality_ReferentIntercommunalitiesId",
                table: "ReferentIntercommunality",
                column: "ReferentIntercommunalitiesId");

            migrationBuilder.CreateIndex(
                name: "IX_SearchAlerts_ConfirmationToken",
                table: "SearchAlerts",
                column: "ConfirmationToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SearchAlerts_ConfirmedAt",
                table: "SearchAlerts",
                column: "ConfirmedAt");

            migrationBuilder.CreateIndex(
                name: "IX_SearchAlerts_Email_QueryString",
                table: "SearchAlerts",
                columns: new[] { "Email", "QueryString" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SearchAlerts_UnsubscribeToken",
                table: "SearchAlerts",
                column: "UnsubscribeToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TakeoverContactRequests_OpportunityId_Email_CreatedAt",
                table: "TakeoverContactRequests",
                columns: new[] { "OpportunityId", "Email", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TakeoverContactRequests_TokenHash",
                table: "TakeoverContactRequests",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TakeoverContactRequests_UserId",
                table: "TakeoverContactRequests",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApprovedVersions");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "CampaignVisits");

            migrationBuilder.DropTable(
                name: "ContentPersonas");

            migrationBuilder.DropTable(
                name: "ContentRevisions");

            migrationBuilder.DropTable(
                name: "ContentThemes");

            migrationBuilder.DropTable(
                name: "ContentTranslations");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "JobSchedules");

            migrationBuilder.DropTable(
                name: "LandingBlocks");

            migrationBuilder.DropTable(
                name: "LegalPopulations");

            migrationBuilder.DropTable(
                name: "NafActivities");

            migrationBuilder.DropTable(
                name: "OpportunityInterests");

            migrationBuilder.DropTable(
                name: "OrganisationMembers");

            migrationBuilder.DropTable(
                name: "Personas");

            migrationBuilder.DropTable(
                name: "PopulationEstimates");

            migrationBuilder.DropTable(
                name: "ReferenceDataVersions");

            migrationBuilder.DropTable(
                name: "ReferentIntercommunality");

            migrationBuilder.DropTable(
                name: "RomeDomains");

            migrationBuilder.DropTable(
                name: "RomeOccupations");

            migrationBuilder.DropTable(
                name: "SearchAlerts");

            migrationBuilder.DropTable(
                name: "TakeoverContactRequests");

            migrationBuilder.DropTable(
                name: "Territories");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "CampaignLinks");

            migrationBuilder.DropTable(
                name: "ContentItems");

            migrationBuilder.DropTable(
                name: "LandingPages");

            migrationBuilder.DropTable(
                name: "Opportunities");

            migrationBuilder.DropTable(
                name: "MediaImages");

            migrationBuilder.DropTable(
                name: "Campaigns");

            migrationBuilder.DropTable(
                name: "Organisations");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "Communes");

            migrationBuilder.DropTable(
                name: "Intercommunalities");
        }
    }
}
