using Escale.Core.Data;
using Escale.Core.Opportunities;
using Escale.Core.Opportunities.Interest;
using Escale.Web.Infrastructure.Links;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Escale.Web.Infrastructure.Security;

namespace Escale.Web.Pages.Offres.Reprise;

/// <summary>
/// The seller of a business to take over answers a contact request through the link e-mailed to them. Holding the
/// link is the authorisation: it carries an unguessable token whose hash only is stored.
/// </summary>
public sealed class DemandeModel(EscaleDbContext db, OpportunityEmails emails, SiteLinks links, TimeProvider clock) : PageModel
{
    public sealed record View(string CandidateName, string? Message, ContactRequestStatus Status, string OpportunityTitle, int OpportunityId, string OpportunitySlug);

    public View Contact { get; private set; } = null!;

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        var request = await FindAsync(token, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }
        Contact = new View(request.Name, request.Message, request.Status, request.Opportunity!.Title, request.OpportunityId, request.Opportunity.Slug);
        return Page();
    }

    public Task<IActionResult> OnPostAccepterAsync(string token, CancellationToken cancellationToken) => DecideAsync(token, ContactRequestStatus.Accepted, cancellationToken);

    public Task<IActionResult> OnPostRefuserAsync(string token, CancellationToken cancellationToken) => DecideAsync(token, ContactRequestStatus.Declined, cancellationToken);

    private async Task<IActionResult> DecideAsync(string token, ContactRequestStatus decision, CancellationToken cancellationToken)
    {
        var request = await FindAsync(token, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }
        // A second click (or both buttons in two tabs) changes nothing: the first answer stands.
        if (request.Status == ContactRequestStatus.Pending)
        {
            request.Status = decision;
            request.DecidedAt = clock.GetUtcNow();
            var opportunity = request.Opportunity!;
            var candidate = new OpportunityEmails.Person(request.Name, request.Email, request.Phone, request.Message);
            var opportunityUrl = links.Opportunity(opportunity.Id, opportunity.Slug);
            if (decision == ContactRequestStatus.Accepted)
            {
                emails.RevealSeller(candidate, opportunity.Title, opportunity.SellerName, opportunity.SellerEmail, opportunity.SellerPhone, opportunityUrl);
                StatusMessage = "Merci : vos coordonnées ont été envoyées à la personne intéressée.";
            }
            else
            {
                emails.Decline(candidate, opportunity.Title, links.Absolute("/offres?" + OpportunityQueryString.Write(new OpportunitySearchParameters { Kind = OpportunityKind.Takeover })));
                StatusMessage = "C’est noté : la personne est prévenue que vous ne donnez pas suite. Vos coordonnées ne lui ont pas été transmises.";
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        return RedirectToPage(new { token });
    }

    private async Task<TakeoverContactRequest?> FindAsync(string token, CancellationToken cancellationToken)
    {
        if (!LinkTokens.IsWellFormed(token))
        {
            return null;
        }
        var hash = LinkTokens.Hash(token);
        return await db.TakeoverContactRequests.Include(r => r.Opportunity).SingleOrDefaultAsync(r => r.TokenHash == hash, cancellationToken);
    }
}
