using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Escale.Core.Data;
using Escale.Core.Opportunities.Alerts;
using Escale.Core.Opportunities.Search;
using Escale.Web.Infrastructure.Email;
using Escale.Web.Infrastructure.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Escale.Web.Infrastructure.Localization;

namespace Escale.Web.Pages.Offres.Alertes;

/// <summary>« Recevoir les nouvelles offres par courriel »: saves the current search as an alert waiting for confirmation.</summary>
public sealed class NouvelleModel(EscaleDbContext db, OpportunityQueryCatalogCache catalogs, AlertMail mail, IEmailOutbox outbox, TimeProvider clock,
    IConfiguration configuration, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int DefaultMaxPerAddress = 5;

    [BindProperty]
    [Required(ErrorMessage = "Indiquez votre adresse électronique.")]
    [EmailAddress(ErrorMessage = "Cette adresse électronique n’est pas valide.")]
    [StringLength(SearchAlert.EmailMaxLength, ErrorMessage = "Cette adresse électronique est trop longue.")]
    [Display(Name = "Adresse électronique")]
    public string Email { get; set; } = "";

    [BindProperty]
    [Display(Name = "J’accepte de recevoir ces offres par courriel et que mon adresse soit conservée pour cela, jusqu’à ma désinscription.")]
    public bool Consent { get; set; }

    /// <summary>The search in French, as the alert stores it for its e-mails.</summary>
    public string Label { get; private set; } = "";
    /// <summary>The search in the visitor's language, as the page shows it.</summary>
    public string ShownLabel { get; private set; } = "";

    /// <summary>The canonical search, carried back in the form's address.</summary>
    public string Search { get; private set; } = "";

    public bool Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool envoyee = false)
    {
        if (await ReadSearchAsync() is { } problem)
        {
            return problem;
        }
        Sent = envoyee;
        if (!Sent && string.IsNullOrEmpty(Email) && User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            // A signed-in visitor finds the form already holding their address.
            Email = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(HttpContext.RequestAborted) ?? "";
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await ReadSearchAsync() is { } problem)
        {
            return problem;
        }
        if (!Consent)
        {
            ModelState.AddModelError(nameof(Consent), t["Cochez la case pour accepter de recevoir ces courriels."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = SearchAlert.NormaliseEmail(Email);
        // A double submit finds the first alert: the person already has (or will confirm) it.
        if (!await db.SearchAlerts.AnyAsync(a => a.Email == email && a.QueryString == Search, HttpContext.RequestAborted))
        {
            var max = configuration.GetValue("Alerts:MaxPerAddress", DefaultMaxPerAddress);
            if (await db.SearchAlerts.CountAsync(a => a.Email == email, HttpContext.RequestAborted) >= max)
            {
                ModelState.AddModelError(nameof(Email), string.Format(System.Globalization.CultureInfo.CurrentCulture,
                    t["Cette adresse a déjà {0} alertes, le maximum : désabonnez-vous d’une alerte avant d’en créer une autre."], max));
                return Page();
            }
            var now = clock.GetUtcNow();
            var alert = new SearchAlert
            {
                Email = email,
                QueryString = Search,
                Label = Label,
                CreatedAt = now,
                LastSeenPublishedAt = now,
                ConfirmationToken = AlertMail.NewToken(),
                UnsubscribeToken = AlertMail.NewToken(),
            };
            db.SearchAlerts.Add(alert);
            outbox.Enqueue(mail.Confirmation(alert));
            try
            {
                await db.SaveChangesAsync(HttpContext.RequestAborted);
            }
            catch (DbUpdateException)
            {
                // The same form sent twice at once: the unique index kept one, which sends its own confirmation.
                return RedirectToSent();
            }
        }
        return RedirectToSent();
    }

    private RedirectResult RedirectToSent() =>
        Redirect("/offres/alertes/nouvelle?" + (Search.Length > 0 ? Search + "&" : "") + "envoyee=true");

    private async Task<IActionResult?> ReadSearchAsync()
    {
        var catalog = await catalogs.GetAsync(HttpContext.RequestAborted);
        if (!OpportunityQueryString.TryParse(Request.Query, catalog, out var query, out var errors))
        {
            return this.BadRequestPage(string.Join(" ", errors.Select(e => e.Message)));
        }
        // An alert is about new opportunities: the page and the order of the results it came from do not matter.
        query = query with { Page = 1, Sort = SearchSort.Recent };
        Search = OpportunityQueryString.ToQueryString(query, catalog);
        Label = AlertMail.Describe(query, catalog);
        ShownLabel = AlertMail.Describe(query, catalog, t);
        return null;
    }
}
