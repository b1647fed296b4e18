using Escale.Core.Data;
using Escale.Core.Opportunities;
using Escale.Core.Opportunities.Interest;
using Escale.Core.Territories;
using Escale.Core.Welcome.Housing;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.EspacePartenaire;

/// <summary>
/// The one access rule of the partner space, used by every page on GET and POST alike: a person sees and edits
/// the organisations they are a member of, and those organisations' opportunities — whatever their role. Editors
/// and administrators moderate every opportunity from the back office instead.
/// </summary>
public static class PartnerSpace
{
    public static IQueryable<Organisation> OrganisationsOf(this EscaleDbContext db, string userId) =>
        db.Organisations.Where(o => o.Members.Any(m => m.UserId == userId));

    public static IQueryable<Opportunity> OpportunitiesOf(this EscaleDbContext db, string userId) =>
        db.Opportunities.Where(o => o.Organisation!.Members.Any(m => m.UserId == userId));

    /// <summary>
    /// The people interested in the opportunities a person may follow up: those of their organisations' opportunities;
    /// an administrator, every one. Anything else is answered as unknown (404).
    /// </summary>
    public static IQueryable<OpportunityInterest> CandidatesOf(this EscaleDbContext db, string userId, bool isAdministrator) =>
        isAdministrator ? db.OpportunityInterests : db.OpportunityInterests.Where(i => i.Opportunity!.Organisation!.Members.Any(m => m.UserId == userId));

    /// <summary>The opportunities whose candidates a person may see: see <see cref="CandidatesOf"/>.</summary>
    public static IQueryable<Opportunity> OpportunitiesWithCandidatesOf(this EscaleDbContext db, string userId, bool isAdministrator) =>
        isAdministrator ? db.Opportunities.Where(o => o.OrganisationId != null) : db.OpportunitiesOf(userId);

    /// <summary>The temporary housing offers of a person's organisations (a provider is a partner organisation).</summary>
    public static IQueryable<HousingOffer> HousingOffersOf(this EscaleDbContext db, string userId) =>
        db.HousingOffers.Where(o => o.Organisation!.Members.Any(m => m.UserId == userId));

    /// <summary>The households' requests and bookings on a person's organisations' housing offers.</summary>
    public static IQueryable<HousingBooking> HousingBookingsOf(this EscaleDbContext db, string userId) =>
        db.HousingBookings.Where(b => b.Offer!.Organisation!.Members.Any(m => m.UserId == userId));

    /// <summary>A commune from its INSEE code or its name; null with a French reason when there is none, or several.</summary>
    public static async Task<(Commune? Commune, string? Error)> FindCommuneAsync(EscaleDbContext db, string? text, CancellationToken cancellationToken)
    {
        var value = text?.Trim() ?? "";
        if (value.Length == 0)
        {
            return (null, "Indiquez la commune (nom ou code INSEE).");
        }
        var byCode = await db.Communes.SingleOrDefaultAsync(c => c.InseeCode == value, cancellationToken);
        if (byCode is not null)
        {
            return (byCode, null);
        }
        var slug = Slug.From(value);
        var byName = await db.Communes.Where(c => c.Slug == slug).Take(2).ToListAsync(cancellationToken);
        return byName.Count switch
        {
            1 => (byName[0], null),
            0 => (null, $"Aucune commune du territoire ne s’appelle « {value} » : vérifiez l’orthographe ou indiquez le code INSEE."),
            _ => (null, $"Plusieurs communes s’appellent « {value} » : indiquez le code INSEE."),
        };
    }

    public static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
