using System.Globalization;
using Escale.Core.Calls;
using Escale.Core.Data;
using Escale.Web.Infrastructure.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin.Appels;

/// <summary>
/// Creates or edits a call (new when there is no id): its text, audience, team size, eligibility and dates; publishes
/// or withdraws it; adds and removes its prizes. The form fields, the grid and the jurors have their own pages.
/// </summary>
public sealed class EditionModel(EscaleDbContext db, TimeProvider clock) : PageModel
{
    public sealed record PrizeRow(int Id, string Title, string? Description, decimal? AmountEuros);

    public sealed record IntercommunalityOption(int Id, string Name);

    /// <summary>Addresses under /appels that are not calls (the feed): a call titled so would be hidden behind them.</summary>
    private static readonly HashSet<string> ReservedSlugs = ["flux", "consentement"];

    [BindProperty]
    public CallForm Input { get; set; } = new();

    public int? Id { get; private set; }

    public string? Slug { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public CallPhase Phase { get; private set; }

    public IReadOnlyList<PrizeRow> Prizes { get; private set; } = [];

    public IReadOnlyList<IntercommunalityOption> Intercommunalities { get; private set; } = [];

    /// <summary>The prize form, kept on a refusal so the team does not type it again.</summary>
    public (string? Title, string? Description, string? Amount) NewPrize { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            var today = ParisMidnight(clock.GetUtcNow().AddDays(7));
            Input = new CallForm { OpensAt = today, ClosesAt = today.AddMonths(1).AddHours(12) };
            await ShowAsync(null, cancellationToken);
            return Page();
        }
        var call = await db.Calls.AsNoTracking().Include(c => c.ResidentIntercommunalities).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (call is null)
        {
            return NotFound();
        }
        Input = CallForm.From(call);
        await ShowAsync(call.Id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        CallForProjects? call = null;
        if (id is not null)
        {
            call = await db.Calls.Include(c => c.ResidentIntercommunalities).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (call is null)
            {
                return NotFound();
            }
        }
        Input.Validate(ModelState, nameof(Input));
        var slug = call?.Slug ?? Escale.Core.Territories.Slug.From(Input.Title ?? "");
        if (call is null && ModelState.IsValid)
        {
            if (slug.Length == 0)
            {
                ModelState.AddModelError("Input.Title", "Le titre doit contenir au moins une lettre ou un chiffre.");
            }
            else if (ReservedSlugs.Contains(slug))
            {
                ModelState.AddModelError("Input.Title", "Ce titre est trop court pour faire une adresse : précisez-le.");
            }
            else if (await SameCallAsync(slug, cancellationToken) is { } existing)
            {
                // The same form posted twice: the first post made the call.
                return RedirectToPage(new { id = existing });
            }
            else if (await db.Calls.AnyAsync(c => c.Slug == slug, cancellationToken))
            {
                ModelState.AddModelError("Input.Title", "Un autre appel porte déjà ce titre : précisez-le (ex. : ajoutez l’année).");
            }
        }
        if (!ModelState.IsValid)
        {
            await ShowAsync(id, cancellationToken);
            return Page();
        }
        var now = clock.GetUtcNow();
        if (call is null)
        {
            call = new CallForProjects { Slug = slug[..Math.Min(slug.Length, 200)], Title = "", Summary = "", CreatedAt = now };
            db.Calls.Add(call);
        }
        var chosen = await db.Intercommunalities.Where(e => Input.IntercommunalityIds.Contains(e.Id)).ToListAsync(cancellationToken);
        Input.ApplyTo(call, chosen);
        // Stamped here too: a change of the intercommunalities alone touches only the join table, and the public pages'
        // cache (CallsDataVersion) moves with a save of the call itself.
        call.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (id is null)
        {
            // Two posts of the same form at once: the unique slug lets one through; the other shows its call.
            db.ChangeTracker.Clear();
            if (await SameCallAsync(call.Slug, cancellationToken) is { } raced)
            {
                return RedirectToPage(new { id = raced });
            }
            ModelState.AddModelError("Input.Title", "Un autre appel porte déjà ce titre : précisez-le (ex. : ajoutez l’année).");
            await ShowAsync(null, cancellationToken);
            return Page();
        }
        await HttpContext.ContentChangedAsync(cancellationToken);
        TempData["StatusMessage"] = id is null ? "L’appel est créé. Il reste en préparation tant qu’il n’est pas publié." : "L’appel est enregistré.";
        return RedirectToPage(new { id = call.Id });
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, bool publish, CancellationToken cancellationToken)
    {
        var call = await db.Calls.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (call is null)
        {
            return NotFound();
        }
        if (publish && call.PublishedAt is null)
        {
            call.PublishedAt = clock.GetUtcNow();
            TempData["StatusMessage"] = "L’appel est publié : il apparaît dans la liste des appels.";
        }
        else if (!publish && call.PublishedAt is not null)
        {
            if (await db.CallApplications.AnyAsync(a => a.CallId == id, cancellationToken))
            {
                // Its applicants would lose the page they applied from.
                TempData["StatusMessage"] = "Des candidatures existent : l’appel ne peut plus être dépublié.";
                return RedirectToPage(new { id });
            }
            call.PublishedAt = null;
            TempData["StatusMessage"] = "L’appel n’est plus public.";
        }
        await db.SaveChangesAsync(cancellationToken);
        await HttpContext.ContentChangedAsync(cancellationToken);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostPrizeAsync(int id, string? title, string? description, string? amount, CancellationToken cancellationToken)
    {
        var call = await db.Calls.AsNoTracking().Include(c => c.ResidentIntercommunalities).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (call is null)
        {
            return NotFound();
        }
        ModelState.Clear();
        title = title?.Trim();
        description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        decimal? euros = null;
        if (string.IsNullOrEmpty(title))
        {
            ModelState.AddModelError("title", "Nommez le prix ou l’accompagnement (ex. : Prix coup de cœur).");
        }
        else if (title.Length > 200)
        {
            ModelState.AddModelError("title", "Le nom ne doit pas dépasser 200 caractères.");
        }
        if (description?.Length > 2000)
        {
            ModelState.AddModelError("description", "La description ne doit pas dépasser 2 000 caractères.");
        }
        if (!string.IsNullOrWhiteSpace(amount))
        {
            var text = amount.Replace(" ", "", StringComparison.Ordinal).Replace("\u202f", "", StringComparison.Ordinal).Replace("€", "", StringComparison.Ordinal).Replace(',', '.');
            if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed) && parsed >= 0 && parsed < 10_000_000_000m)
            {
                euros = parsed;
            }
            else
            {
                ModelState.AddModelError("amount", "Indiquez un montant en euros (ex. : 1500), ou laissez vide.");
            }
        }
        if (!ModelState.IsValid)
        {
            Input = CallForm.From(call);
            NewPrize = (title, description, amount);
            await ShowAsync(id, cancellationToken);
            return Page();
        }
        var order = await db.CallPrizes.Where(p => p.CallId == id).MaxAsync(p => (int?)p.Order, cancellationToken) ?? 0;
        db.CallPrizes.Add(new CallPrize { CallId = id, Order = order + 1, Title = title!, Description = description, AmountEuros = euros });
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = "Le prix est ajouté.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRemovePrizeAsync(int id, int prizeId, CancellationToken cancellationToken)
    {
        var prize = await db.CallPrizes.SingleOrDefaultAsync(p => p.Id == prizeId && p.CallId == id, cancellationToken);
        if (prize is null)
        {
            return NotFound();
        }
        db.CallPrizes.Remove(prize);
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = "Le prix est retiré.";
        return RedirectToPage(new { id });
    }

    /// <summary>The call a previous post of this same form made: same address, same title, summary and kind.</summary>
    private async Task<int?> SameCallAsync(string slug, CancellationToken cancellationToken)
    {
        var title = Input.Title?.Trim();
        var summary = Input.Summary?.Trim();
        return await db.Calls.Where(c => c.Slug == slug && c.Title == title && c.Summary == summary && c.Kind == Input.Kind)
            .Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
    }

    private async Task ShowAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        Intercommunalities = await db.Intercommunalities.AsNoTracking().OrderBy(e => e.Name)
            .Select(e => new IntercommunalityOption(e.Id, e.Name)).ToListAsync(cancellationToken);
        if (id is null)
        {
            return;
        }
        var call = await db.Calls.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.Slug, c.PublishedAt, c.OpensAt, c.ClosesAt, c.ResultsPublishedAt, c.FollowUpStartsAt }).SingleAsync(cancellationToken);
        Slug = call.Slug;
        PublishedAt = call.PublishedAt;
        Phase = CallPhases.At(call.PublishedAt, call.OpensAt, call.ClosesAt, call.ResultsPublishedAt, call.FollowUpStartsAt, clock.GetUtcNow());
        Prizes = await db.CallPrizes.AsNoTracking().Where(p => p.CallId == id).OrderBy(p => p.Order)
            .Select(p => new PrizeRow(p.Id, p.Title, p.Description, p.AmountEuros)).ToListAsync(cancellationToken);
    }

    private static DateTime ParisMidnight(DateTimeOffset utc) => Infrastructure.Localization.ParisTime.ToLocal(utc).Date;
}
