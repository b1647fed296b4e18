using Escale.Core.Data;
using Escale.Web.Pages.MonEspace;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Propositions;

/// <summary>
/// Stops the e-mails of new matches: the page shows a button, and a POST clears the household's consent. Public and
/// without anti-forgery token, as mail clients send the RFC 8058 one-click request from outside the site; the signed
/// token in the address is what authorises it.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class DesabonnerModel(EscaleDbContext db, MatchEmails mail) : PageModel
{
    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, bool fait = false)
    {
        Done = fait;
        if (fait)
        {
            return Page();
        }
        var caseId = mail.CaseOf(token);
        return caseId is not null && await db.Cases.AnyAsync(c => c.Id == caseId, HttpContext.RequestAborted) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        var caseId = mail.CaseOf(token);
        if (caseId is null)
        {
            return NotFound();
        }
        // Opting out twice is no error: a second click or a retried one-click request finds nothing to clear.
        await db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ConsentMatchEmailsAt, (DateTimeOffset?)null), HttpContext.RequestAborted);
        if (Request.HasFormContentType && Request.Form["List-Unsubscribe"] == "One-Click")
        {
            return new OkResult();
        }
        return RedirectToPage(new { token, fait = true });
    }
}
