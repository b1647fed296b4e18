using Escale.Core.Data;
using Escale.Core.Opportunities;
using Escale.Core.Opportunities.Interest;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Infrastructure.Database;

/// <summary>
/// In Development only: the demo partner gets a fictional employer with a few of the demo job offers and two people
/// interested in the first, so that the partner space, its candidates and its follow-up have something to show.
/// Done once: a demo partner who already belongs to an organisation is left as it is.
/// </summary>
public static class DemoPartnerStartup
{
    private const string PartnerEmail = "partenaire@demo.escale.test";
    private const int Offers = 4;

    public static async Task SeedDemoPartnerAsync(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EscaleDbContext>();
        var partner = await db.Users.Where(u => u.Email == PartnerEmail).Select(u => u.Id).FirstOrDefaultAsync();
        if (partner is null || await db.OrganisationMembers.AnyAsync(m => m.UserId == partner))
        {
            return;
        }
        var offers = await db.Opportunities
            .Where(o => o.Kind == OpportunityKind.Job && o.OrganisationId == null && o.Status == OpportunityStatus.Published
                && o.SourceReference != null && o.SourceReference.StartsWith(DemoOpportunities.SourceReferencePrefix))
            .OrderBy(o => o.Id).Take(Offers).ToListAsync();
        if (offers.Count == 0)
        {
            return;
        }
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var organisation = new Organisation
        {
            Name = "Coopérative fictive du Ségala",
            Slug = "cooperative-fictive-du-segala",
            Description = "Employeur de démonstration : ses offres et les personnes intéressées sont inventées.",
            CommuneId = offers[0].CommuneId,
        };
        organisation.Members.Add(new OrganisationMember { UserId = partner });
        db.Organisations.Add(organisation);
        foreach (var offer in offers)
        {
            offer.Organisation = organisation;
            offer.EmployerName = organisation.Name;
            offer.SubmittedByUserId = partner;
        }
        foreach (var (name, message, daysAgo) in new[]
        {
            ("Camille Exemple", "Bonjour, je m’installe dans le Lot au printemps avec ma famille et ce poste correspond à mon expérience.", 3),
            ("Sacha Démo", "Disponible dès le mois prochain, je peux venir vous rencontrer.", 1),
        })
        {
            db.OpportunityInterests.Add(new OpportunityInterest
            {
                Opportunity = offers[0],
                Name = name,
                Email = name.Split(' ')[0].ToLowerInvariant() + "@exemple.escale.test",
                Message = message,
                ConsentedAt = now.AddDays(-daysAgo),
                CreatedAt = now.AddDays(-daysAgo),
                Source = OpportunityInterest.OpportunitySource,
            });
        }
        await db.SaveChangesAsync();
        app.Logger.LogInformation("Seeded the demo partner's organisation with {Count} offers", offers.Count);
    }
}
