using Escale.Core.Data;
using Escale.Core.Opportunities;
using Escale.Core.Welcome.Housing;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Infrastructure.Database;

/// <summary>
/// In Development only: a fictional temporary housing provider, run by the demo partner, with two offers in and near the
/// demo household's target commune, open from today for six months, so that the household can book one for its
/// arrival and the partner can answer. Done once: nothing is added when any housing offer exists.
/// </summary>
public static class DemoHousingStartup
{
    private const string PartnerEmail = "partenaire@demo.escale.test";
    private const string HouseholdEmail = "nouvel-arrivant@demo.escale.test";

    public static async Task SeedDemoHousingAsync(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EscaleDbContext>();
        if (await db.HousingOffers.AnyAsync())
        {
            return;
        }
        var partner = await db.Users.Where(u => u.Email == PartnerEmail).Select(u => u.Id).FirstOrDefaultAsync();
        var target = await db.Cases.AsNoTracking().Where(c => c.HouseholdUserId != null && db.Users.Any(u => u.Id == c.HouseholdUserId && u.Email == HouseholdEmail))
            .Select(c => c.Project).FirstOrDefaultAsync();
        var communeId = target?.TargetCommuneIds.FirstOrDefault();
        var commune = communeId is > 0 ? await db.Communes.SingleOrDefaultAsync(c => c.Id == communeId) : null;
        if (partner is null || commune is null)
        {
            return;
        }
        // The nearest other commune of the same intercommunality, for the second offer.
        var neighbour = (await db.Communes.Where(c => c.IntercommunalityId == commune.IntercommunalityId && c.Id != commune.Id)
            .Select(c => new { c.Id, c.Latitude, c.Longitude }).ToListAsync())
            .OrderBy(c => Core.Territories.GeoDistance.Kilometres(commune.Latitude, commune.Longitude, c.Latitude, c.Longitude))
            .Select(c => c.Id).FirstOrDefault(commune.Id);
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var organisation = new Organisation
        {
            Name = "Gîtes fictifs de la vallée",
            Slug = "gites-fictifs-de-la-vallee",
            Description = "Hébergeur de démonstration : ses logements temporaires sont inventés.",
            CommuneId = commune.Id,
        };
        organisation.Members.Add(new OrganisationMember { UserId = partner });
        db.Organisations.Add(organisation);
        db.HousingOffers.AddRange(
            new HousingOffer
            {
                Organisation = organisation, Kind = HousingKind.FurnishedRental, Title = "Meublé de démonstration en centre-ville",
                Description = "Un T3 meublé de 65 m², deux chambres, cuisine équipée, à deux pas des écoles.", CommuneId = commune.Id,
                Address = "1 rue de l’Exemple", Capacity = 4, Price = 750, PricePeriod = PricePeriod.Month, MinNights = 14, MaxNights = 180,
                Rules = "Non-fumeur. Animaux acceptés sur demande.", CreatedAt = now, UpdatedAt = now,
                Availabilities = [new HousingAvailability { StartOn = today, EndOn = today.AddMonths(6) }],
            },
            new HousingOffer
            {
                Organisation = organisation, Kind = HousingKind.OffSeasonGite, Title = "Gîte de démonstration hors saison",
                Description = "Une maison de vacances louée hors saison, jardin clos, 3 chambres.", CommuneId = neighbour,
                Address = "Lieu-dit l’Exemple", Capacity = 6, Price = 180, PricePeriod = PricePeriod.Week, MinNights = 7, MaxNights = 120,
                Rules = "Ménage à faire au départ.", CreatedAt = now, UpdatedAt = now,
                Availabilities = [new HousingAvailability { StartOn = today, EndOn = today.AddMonths(3) }],
            });
        await db.SaveChangesAsync();
        app.Logger.LogInformation("Seeded the demo housing provider with two offers");
    }
}
