using System.Globalization;
using Escale.Core.Calls;
using Escale.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin.Appels.Suivi;

/// <summary>
/// A laureate's follow-up file as the team running the call keeps it: the support granted (amount, what it is, mentor,
/// partner organisation), the milestones, the project team's progress updates, and the team's own notes — which the
/// laureate and the public never see.
/// </summary>
public sealed class DossierModel(EscaleDbContext db, TimeProvider clock) : PageModel
{
    public sealed class SupportInput
    {
        public string? Amount { get; set; }

        [System.ComponentModel.DataAnnotations.StringLength(2000, ErrorMessage = "La description ne doit pas dépasser {1} caractères.")]
        public string? Description { get; set; }

        [System.ComponentModel.DataAnnotations.StringLength(200, ErrorMessage = "Le nom ne doit pas dépasser {1} caractères.")]
        public string? Mentor { get; set; }

        public int? PartnerOrganisationId { get; set; }
    }

    public sealed record MilestoneRow(int Id, string Title, DateOnly? DueOn, DateTimeOffset? ReachedAt, bool Public);

    public sealed record EntryRow(FollowUpEntryKind Kind, string Author, string Text, DateTimeOffset At);

    public sealed record OrganisationOption(int Id, string Name);

    [BindProperty]
    public SupportInput Support { get; set; } = new();

    public int Id { get; private set; }

    public int FollowUpId { get; private set; }

    public string CallTitle { get; private set; } = "";

    public string ProjectTitle { get; private set; } = "";

    public string Slug { get; private set; } = "";

    public bool Youth { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public IReadOnlyList<MilestoneRow> Milestones { get; private set; } = [];

    public IReadOnlyList<EntryRow> Entries { get; private set; } = [];

    public IReadOnlyList<OrganisationOption> Organisations { get; private set; } = [];

    public (string? Title, string? DueOn, bool Public) NewMilestone { get; private set; } = (null, null, true);

    public string? NewNote { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int followUpId, CancellationToken cancellationToken)
    {
        var followUp = await db.ProjectFollowUps.AsNoTracking().SingleOrDefaultAsync(f => f.Id == followUpId && f.Application!.CallId == id, cancellationToken);
        if (followUp is null)
        {
            return NotFound();
        }
        Support = new SupportInput
        {
            Amount = followUp.SupportAmountEuros?.ToString("0.##", CultureInfo.CurrentCulture), Description = followUp.SupportDescription,
            Mentor = followUp.MentorName, PartnerOrganisationId = followUp.PartnerOrganisationId,
        };
        await ShowAsync(id, followUpId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostSupportAsync(int id, int followUpId, CancellationToken cancellationToken)
    {
        var followUp = await db.ProjectFollowUps.SingleOrDefaultAsync(f => f.Id == followUpId && f.Application!.CallId == id, cancellationToken);
        if (followUp is null)
        {
            return NotFound();
        }
        decimal? amount = null;
        if (!string.IsNullOrWhiteSpace(Support.Amount))
        {
            var text = Support.Amount.Replace(" ", "", StringComparison.Ordinal).Replace("\u202f", "", StringComparison.Ordinal)
                .Replace("\u00a0", "", StringComparison.Ordinal).Replace("€", "", StringComparison.Ordinal).Replace(',', '.');
            if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed) && parsed >= 0 && parsed < 10_000_000_000m)
            {
                amount = parsed;
            }
            else
            {
                ModelState.AddModelError("Support.Amount", "Indiquez un montant en euros (ex. : 1500), ou laissez vide.");
            }
        }
        if (Support.PartnerOrganisationId is { } organisationId && !await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken))
        {
            ModelState.AddModelError("Support.PartnerOrganisationId", "Choisissez une organisation de la liste.");
        }
        if (!ModelState.IsValid)
        {
            await ShowAsync(id, followUpId, cancellationToken);
            return Page();
        }
        followUp.SupportAmountEuros = amount;
        followUp.SupportDescription = Blank(Support.Description);
        followUp.MentorName = Blank(Support.Mentor);
        followUp.PartnerOrganisationId = Support.PartnerOrganisationId;
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = "L’accompagnement est enregistré.";
        return RedirectToPage(new { id, followUpId });
    }

    public async Task<IActionResult> OnPostMilestoneAsync(int id, int followUpId, string? title, string? dueOn, bool isPublic, CancellationToken cancellationToken)
    {
        if (!await db.ProjectFollowUps.AnyAsync(f => f.Id == followUpId && f.Application!.CallId == id, cancellationToken))
        {
            return NotFound();
        }
        ModelState.Clear();
        title = title?.Trim();
        DateOnly? due = null;
        if (string.IsNullOrEmpty(title))
        {
            ModelState.AddModelError("title", "Nommez le jalon (ex. : Premier prototype).");
        }
        else if (title.Length > 300)
        {
            ModelState.AddModelError("title", "Le jalon ne doit pas dépasser 300 caractères.");
        }
        if (!string.IsNullOrWhiteSpace(dueOn))
        {
            if (DateOnly.TryParseExact(dueOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                due = parsed;
            }
            else
            {
                ModelState.AddModelError("dueOn", "Indiquez une date valide, ou laissez vide.");
            }
        }
        if (!ModelState.IsValid)
        {
            Support = await SupportOfAsync(followUpId, cancellationToken);
            NewMilestone = (title, dueOn, isPublic);
            await ShowAsync(id, followUpId, cancellationToken);
            return Page();
        }
        db.FollowUpMilestones.Add(new FollowUpMilestone { FollowUpId = followUpId, Title = title!, DueOn = due, Public = isPublic });
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = "Le jalon est ajouté.";
        return RedirectToPage(new { id, followUpId });
    }

    /// <summary>Marks a milestone reached, or not reached again.</summary>
    public async Task<IActionResult> OnPostReachedAsync(int id, int followUpId, int milestoneId, bool reached, CancellationToken cancellationToken)
    {
        var milestone = await db.FollowUpMilestones.SingleOrDefaultAsync(
            m => m.Id == milestoneId && m.FollowUpId == followUpId && db.ProjectFollowUps.Any(f => f.Id == followUpId && f.Application!.CallId == id), cancellationToken);
        if (milestone is null)
        {
            return NotFound();
        }
        milestone.ReachedAt = reached ? milestone.ReachedAt ?? clock.GetUtcNow() : null;
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = reached ? "Le jalon est atteint." : "Le jalon n’est plus marqué atteint.";
        return RedirectToPage(new { id, followUpId });
    }

    public async Task<IActionResult> OnPostRemoveMilestoneAsync(int id, int followUpId, int milestoneId, CancellationToken cancellationToken)
    {
        var milestone = await db.FollowUpMilestones.SingleOrDefaultAsync(
            m => m.Id == milestoneId && m.FollowUpId == followUpId && db.ProjectFollowUps.Any(f => f.Id == followUpId && f.Application!.CallId == id), cancellationToken);
        if (milestone is null)
        {
            return NotFound();
        }
        db.FollowUpMilestones.Remove(milestone);
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = "Le jalon est retiré.";
        return RedirectToPage(new { id, followUpId });
    }

    public async Task<IActionResult> OnPostNoteAsync(int id, int followUpId, string? text, CancellationToken cancellationToken)
    {
        if (!await db.ProjectFollowUps.AnyAsync(f => f.Id == followUpId && f.Application!.CallId == id, cancellationToken))
        {
            return NotFound();
        }
        ModelState.Clear();
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            ModelState.AddModelError("text", "Écrivez la note.");
        }
        else if (text.Length > FollowUpEntry.TextMaxLength)
        {
            ModelState.AddModelError("text", "La note ne doit pas dépasser 4 000 caractères.");
        }
        if (!ModelState.IsValid)
        {
            Support = await SupportOfAsync(followUpId, cancellationToken);
            NewNote = text;
            await ShowAsync(id, followUpId, cancellationToken);
            return Page();
        }
        var userId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value;
        db.FollowUpEntries.Add(new FollowUpEntry { FollowUpId = followUpId, Kind = FollowUpEntryKind.TeamNote, AuthorUserId = userId, Text = text!, At = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = "La note est enregistrée. Elle n’est lue que par l’équipe de l’appel.";
        return RedirectToPage(new { id, followUpId });
    }

    private async Task<SupportInput> SupportOfAsync(int followUpId, CancellationToken cancellationToken) =>
        await db.ProjectFollowUps.AsNoTracking().Where(f => f.Id == followUpId).Select(f => new SupportInput
        {
            Amount = f.SupportAmountEuros == null ? null : f.SupportAmountEuros.Value.ToString(CultureInfo.InvariantCulture),
            Description = f.SupportDescription, Mentor = f.MentorName, PartnerOrganisationId = f.PartnerOrganisationId,
        }).SingleAsync(cancellationToken);

    private async Task ShowAsync(int id, int followUpId, CancellationToken cancellationToken)
    {
        Id = id;
        FollowUpId = followUpId;
        var followUp = await db.ProjectFollowUps.AsNoTracking().Where(f => f.Id == followUpId)
            .Select(f => new { f.Slug, f.PublishedAt, f.Application!.ProjectTitle, CallTitle = f.Application.Call!.Title, Youth = f.Application.Call.Audience == CallAudience.Youth })
            .SingleAsync(cancellationToken);
        (Slug, PublishedAt, ProjectTitle, CallTitle, Youth) = (followUp.Slug, followUp.PublishedAt, followUp.ProjectTitle, followUp.CallTitle, followUp.Youth);
        Milestones = await db.FollowUpMilestones.AsNoTracking().Where(m => m.FollowUpId == followUpId).OrderBy(m => m.DueOn == null).ThenBy(m => m.DueOn).ThenBy(m => m.Id)
            .Select(m => new MilestoneRow(m.Id, m.Title, m.DueOn, m.ReachedAt, m.Public)).ToListAsync(cancellationToken);
        Entries = await (from entry in db.FollowUpEntries.AsNoTracking()
                         join user in db.Users on entry.AuthorUserId equals user.Id
                         where entry.FollowUpId == followUpId
                         orderby entry.At descending, entry.Id descending
                         select new EntryRow(entry.Kind, user.DisplayName ?? user.Email!, entry.Text, entry.At)).ToListAsync(cancellationToken);
        Organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Take(2000)
            .Select(o => new OrganisationOption(o.Id, o.Name)).ToListAsync(cancellationToken);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
