using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Opportunities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.EspacePartenaire;

/// <summary>A partner's organisations and their offers, with withdraw and renew.</summary>
public sealed class IndexModel(EscaleDbContext db, TimeProvider clock, UserManager<ApplicationUser> users) : PageModel
{
    public sealed record OfferRow(int Id, string Title, OpportunityKind Kind, OpportunityStatus Status, DateOnly? ExpiresOn, string? ModerationNote, bool CanRenew);

    public sealed record OrganisationRow(int Id, string Name, string Slug, IReadOnlyList<OfferRow> Offers);

    public IReadOnlyList<OrganisationRow> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = UserId;
        var today = Today;
        var organisations = await db.OrganisationsOf(userId).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name, o.Slug }).ToListAsync(cancellationToken);
        var offers = await db.OffersOf(userId)
            .OrderByDescending(o => o.UpdatedAt)
            .Select(o => new { o.OrganisationId, o.Id, o.Title, o.Kind, o.Status, o.ExpiresOn, o.ModerationNote })
            .ToListAsync(cancellationToken);
        Organisations = [.. organisations.Select(g => new OrganisationRow(g.Id, g.Name, g.Slug,
            [.. offers.Where(o => o.OrganisationId == g.Id).Select(o => new OfferRow(o.Id, o.Title, o.Kind, o.Status, o.ExpiresOn, o.ModerationNote,
                ManualOffer.CanRenew(o.Status, o.ExpiresOn, today)))]))];
    }

    public async Task<IActionResult> OnPostRetirerAsync(int id, CancellationToken cancellationToken)
    {
        var offer = await db.OffersOf(UserId).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (offer is null)
        {
            return NotFound();
        }
        // Withdrawing an offer already off line changes nothing and says the same: the visitor's wish holds.
        if (offer.Withdraw() is null)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        TempData["StatusMessage"] = $"L’offre « {offer.Title} » est retirée : elle n’apparaît plus dans la recherche.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostProlongerAsync(int id, CancellationToken cancellationToken)
    {
        var offer = await db.OffersOf(UserId).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (offer is null)
        {
            return NotFound();
        }
        if (offer.Renew(Today) is { } refusal)
        {
            TempData["StatusMessage"] = $"« {offer.Title} » : {refusal}";
            return RedirectToPage();
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = $"L’offre « {offer.Title} » est prolongée jusqu’au {offer.ExpiresOn!.Value.ToString("d", System.Globalization.CultureInfo.CurrentCulture)}.";
        return RedirectToPage();
    }

    private string UserId => users.GetUserId(User)!;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
