using Escale.Core.Opportunities;
using Escale.Core.Territories;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Integration.Pages.Offres;

/// <summary>Opportunities written straight into the database, as a publisher or an import would leave them.</summary>
public static class OpportunityData
{
    public const string Cahors = "46042";
    public const string Figeac = "46102";

    /// <summary>A word no other test's opportunities contain, to search for this test's opportunities only.</summary>
    public static string UniqueWord() => "zq" + Guid.NewGuid().ToString("N")[..10];

    public static Task<int> AddAsync(EscaleAppFactory app, string title, Action<Opportunity>? configure = null, string commune = Cahors) =>
        app.WithDbAsync(async db =>
        {
            var place = await db.Communes.Where(c => c.InseeCode == commune).Select(c => new { c.Id, c.IntercommunalityId, c.Latitude, c.Longitude }).SingleAsync();
            var now = DateTimeOffset.UtcNow;
            var opportunity = new Opportunity
            {
                Kind = OpportunityKind.Job,
                Status = OpportunityStatus.Published,
                Title = title,
                Slug = Slug.From(title),
                Description = "Une équipe accueillante.",
                EmployerName = "Causse Numérique",
                CommuneId = place.Id,
                IntercommunalityId = place.IntercommunalityId,
                Latitude = place.Latitude,
                Longitude = place.Longitude,
                RomeCode = "M1805",
                RomeDomainCode = "M18",
                RomeGrandDomainCode = "M",
                Contract = ContractType.Cdi,
                WorkingTime = WorkingTime.FullTime,
                DedupKey = Guid.NewGuid().ToString("N"),
                CreatedAt = now,
                UpdatedAt = now, // the search reloads when the latest UpdatedAt moves
                PublishedAt = now,
            };
            configure?.Invoke(opportunity);
            db.Opportunities.Add(opportunity);
            await db.SaveChangesAsync();
            return opportunity.Id;
        });
}
