using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.Identity;
using Escale.Core.Opportunities;
using Microsoft.Extensions.DependencyInjection;

namespace Escale.Tests.Infrastructure;

/// <summary>Partners, their organisations and opportunities, arranged in the database or posted as a browser would.</summary>
public static class PartnerSteps
{
    public sealed record Partner(ApplicationUser User, HttpClient Client, int OrganisationId);

    /// <summary>A signed-in partner who is a member of a new organisation of their own.</summary>
    public static async Task<Partner> SignedInPartnerAsync(EscaleAppFactory app, string role = Roles.Partner)
    {
        var (user, organisationId) = await PartnerAsync(app, role);
        var client = app.CreateBrowserlessClient();
        await client.SignInAsync(user.Email!, MailAppFixture.Password);
        return new Partner(user, client, organisationId);
    }

    /// <summary>A partner (confirmed e-mail, known password) who is a member of a new organisation of their own.</summary>
    public static async Task<(ApplicationUser User, int OrganisationId)> PartnerAsync(EscaleAppFactory app, string role = Roles.Partner)
    {
        var user = await MailAppFixture.CreateUserAsync(app, roles: role);
        var slug = "organisation-" + Guid.NewGuid().ToString("N");
        var organisationId = await app.WithDbAsync(async db =>
        {
            var organisation = new Organisation { Name = "Atelier Test " + slug[^6..], Slug = slug, Siret = "73282932000074" };
            organisation.Members.Add(new OrganisationMember { UserId = user.Id });
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            return organisation.Id;
        });
        return (user, organisationId);
    }

    public static Dictionary<string, string> JobFields(string title, DateOnly expires) => new()
    {
        ["Input.Title"] = title,
        ["Input.Description"] = "Atelier de 12 personnes, équipe soudée.",
        ["Input.Commune"] = "46042",
        ["Input.RomeCode"] = "H2909",
        ["Input.Contract"] = "Cdi",
        ["Input.WorkingTime"] = "FullTime",
        ["Input.SalaryMin"] = "24000",
        ["Input.SalaryMax"] = "28000",
        ["Input.Remote"] = "None",
        ["Input.ExpiresOn"] = ImportDate(expires),
        ["Input.ApplyEmail"] = "recrutement@exemple.invalid",
        ["Input.Action"] = "soumettre",
    };

    public static string ImportDate(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<IHtmlFormElement> NewOpportunityFormAsync(this Partner partner, OpportunityKind kind = OpportunityKind.Job)
    {
        var (_, page) = await partner.Client.GetPageAsync($"/espace-partenaire/offres?organisation={partner.OrganisationId}&type={kind}");
        return page.QuerySelector<IHtmlFormElement>("main form")!;
    }

    public static async Task<Opportunity> OpportunityAsync(EscaleAppFactory app, int organisationId, string title,
        OpportunityStatus status = OpportunityStatus.Published, DateOnly? expires = null, string? submittedBy = null)
    {
        return await app.WithDbAsync(async db =>
        {
            var commune = db.Communes.Single(c => c.InseeCode == "46042");
            var now = DateTimeOffset.UtcNow;
            var opportunity = new Opportunity
            {
                Kind = OpportunityKind.Job, Status = status, Title = title, Slug = Core.Territories.Slug.From(title),
                DedupKey = "Job|test|" + Guid.NewGuid().ToString("N"), OrganisationId = organisationId, Source = OpportunitySource.Manual,
                RomeCode = "H2909", RomeDomainCode = "H29", RomeGrandDomainCode = "H", Contract = ContractType.Cdi,
                ExpiresOn = expires ?? DateOnly.FromDateTime(now.UtcDateTime).AddDays(40), SubmittedByUserId = submittedBy,
                CreatedAt = now, UpdatedAt = now, PublishedAt = status == OpportunityStatus.Published ? now : null,
            };
            opportunity.PlaceIn(commune);
            db.Opportunities.Add(opportunity);
            await db.SaveChangesAsync();
            return opportunity;
        });
    }
}
