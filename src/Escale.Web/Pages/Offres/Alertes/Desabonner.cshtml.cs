using Escale.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Offres.Alertes;

/// <summary>
/// Unsubscribe: the page shows a button, and a POST deletes the alert. The POST takes no anti-forgery token
/// because mail clients send the RFC 8058 one-click request (body <c>List-Unsubscribe=One-Click</c>) from
/// outside the site; the unguessable token in the address is what authorises it.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class DesabonnerModel(EscaleDbContext db) : PageModel
{
    public string? Label { get; private set; }
    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, bool fait = false)
    {
        Done = fait;
        if (fait)
        {
            return Page();
        }
        Label = await db.SearchAlerts.Where(a => a.UnsubscribeToken == token).Select(a => a.Label).SingleOrDefaultAsync(HttpContext.RequestAborted);
        return Label is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        // Deleting what is already gone is a success: a second click or a retried one-click request is no error.
        await db.SearchAlerts.Where(a => a.UnsubscribeToken == token).ExecuteDeleteAsync(HttpContext.RequestAborted);
        if (Request.HasFormContentType && Request.Form["List-Unsubscribe"] == "One-Click")
        {
            return new OkResult();
        }
        return RedirectToPage(new { token, fait = true });
    }
}
