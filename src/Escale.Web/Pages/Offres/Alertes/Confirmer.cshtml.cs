using Escale.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Offres.Alertes;

/// <summary>
/// Second step of the double opt-in. Opening the link shows a button and only the POST confirms, so that a
/// mail scanner following links cannot subscribe someone on its own.
/// </summary>
public sealed class ConfirmerModel(EscaleDbContext db, AlertMail mail, TimeProvider clock) : PageModel
{
    public string Label { get; private set; } = "";
    public bool Confirmed { get; private set; }
    public string FeedLink { get; private set; } = "";
    public string UnsubscribeLink { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token) => await ShowAsync(token);

    public async Task<IActionResult> OnPostAsync(string token)
    {
        var alert = await db.SearchAlerts.SingleOrDefaultAsync(a => a.ConfirmationToken == token, HttpContext.RequestAborted);
        if (alert is null)
        {
            return NotFound();
        }
        if (alert.ConfirmedAt is null)
        {
            alert.ConfirmedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(HttpContext.RequestAborted);
        }
        return RedirectToPage(new { token });
    }

    private async Task<IActionResult> ShowAsync(string token)
    {
        var alert = await db.SearchAlerts.AsNoTracking().SingleOrDefaultAsync(a => a.ConfirmationToken == token, HttpContext.RequestAborted);
        if (alert is null)
        {
            return NotFound();
        }
        Label = alert.Label;
        Confirmed = alert.ConfirmedAt is not null;
        FeedLink = mail.FeedLink(alert.QueryString);
        UnsubscribeLink = mail.UnsubscribeLink(alert);
        return Page();
    }
}
