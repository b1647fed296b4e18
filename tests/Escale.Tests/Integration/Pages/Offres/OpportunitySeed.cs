using Escale.Core.Opportunities;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Integration.Pages.Offres;

/// <summary>Opportunities written straight to the database, as a publishing path would leave them (UpdatedAt set, so the search sees them).</summary>
public static class OpportunitySeed
{
    /// <summary>A word no other test uses, for a text filter that finds only this test's opportunities.</summary>
    public static string UniqueWord() => "zq" + Guid.NewGuid().ToString("N")[..10];

    public static async Task<int> AddAsync(Infrastructure.EscaleAppFactory app, string title, string communeInsee = "46042",
        ContractType contract = ContractType.Cdi, OpportunityStatus status = OpportunityStatus.Published, DateTimeOffset? publishedAt = null,
        string rome = "M1805", int? salaryMax = null, DateOnly? expiresOn = null, OpportunityKind kind = OpportunityKind.Job)
    {
        var when = publishedAt ?? DateTimeOffset.UtcNow;
        return await app.WithDbAsync(async db =>
        {
            var commune = await db.Communes.SingleAsync(c => c.InseeCode == communeInsee);
            var occupation = await db.RomeOccupations.SingleAsync(r => r.Code == rome);
            var opportunity = new Opportunity
            {
                Kind = kind,
                Status = status,
                Title = title,
                Slug = "offre-de-test",
                EmployerName = "Employeur de test",
                CommuneId = commune.Id,
                IntercommunalityId = commune.IntercommunalityId,
                Latitude = commune.Latitude,
                Longitude = commune.Longitude,
                RomeCode = occupation.Code,
                RomeDomainCode = occupation.DomainCode,
                RomeGrandDomainCode = occupation.GrandDomainCode,
                Contract = contract,
                WorkingTime = WorkingTime.FullTime,
                SalaryMin = salaryMax is null ? null : salaryMax - 5000,
                SalaryMax = salaryMax,
                ExpiresOn = expiresOn,
                SellerName = "Vendeur Secret",
                SellerEmail = "vendeur.secret@test.escale",
                SellerPhone = "0600000000",
                ModerationNote = "note interne",
                DedupKey = Guid.NewGuid().ToString("N"),
                CreatedAt = when,
                UpdatedAt = when,
                PublishedAt = status == OpportunityStatus.Published ? when : null,
            };
            db.Opportunities.Add(opportunity);
            await db.SaveChangesAsync();
            return opportunity.Id;
        });
    }
}
