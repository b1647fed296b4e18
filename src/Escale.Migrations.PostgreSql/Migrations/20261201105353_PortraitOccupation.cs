using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Escale.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class PortraitOccupation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OccupationRomeCode",
                table: "ContentItems",
                type: "character varying(5)",
                maxLength: 5,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OccupationRomeCode",
                table: "ContentItems");
        }
    }
}
