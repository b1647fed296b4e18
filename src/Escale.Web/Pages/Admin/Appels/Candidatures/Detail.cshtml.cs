using System.ComponentModel.DataAnnotations;
using Escale.Core.Calls;
using Escale.Core.Data;
using Escale.Web.Pages.Candidatures;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Admin.Appels.Candidatures;

/// <summary>
/// One application for the team running the call: every answer whatever its visibility, the files, the team with what
/// each member gave, the guardians' consents, the history, and the eligibility decision (not eligible with a reason),
/// which every member is told of.
/// </summary>
public sealed class DetailModel(EscaleDbContext db, ApplicationSubmission submission, ApplicationEmails emails, TimeProvider clock) : PageModel
{
    public sealed class DecisionInput
    {
        public bool Eligible { get; set; }

        [StringLength(4000, ErrorMessage = "Ce champ ne doit pas dépasser {1} caractères.")]
        [Display(Name = "Raison (obligatoire si la candidature n’est pas recevable ; elle est envoyée à l’équipe)")]
        public string? Reason { get; set; }
    }

    public sealed record FileAnswer(string FileName, long SizeBytes);

    [BindProperty]
    public DecisionInput Decision { get; set; } = new();

    public CallApplication Application { get; private set; } = null!;
    public CallForProjects Call => Application.Call!;
    public IReadOnlyList<CallField> Fields { get; private set; } = [];
    public IReadOnlyDictionary<int, FileAnswer> Files { get; private set; } = new Dictionary<int, FileAnswer>();

    public async Task<IActionResult> OnGetAsync(int callId, int id, CancellationToken cancellationToken) =>
        await LoadAsync(callId, id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int callId, int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(callId, id, cancellationToken))
        {
            return NotFound();
        }
        var action = Decision.Eligible ? ApplicationAction.MarkEligible : ApplicationAction.MarkIneligible;
        var now = clock.GetUtcNow();
        if (ApplicationWorkflow.Refusal(Application, Call, action, now) is { } refusal)
        {
            ModelState.AddModelError("", refusal);
        }
        else if (!Decision.Eligible && string.IsNullOrWhiteSpace(Decision.Reason))
        {
            ModelState.AddModelError("Decision.Reason", "Indiquez pourquoi la candidature n’est pas recevable : la raison est envoyée à l’équipe.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        ApplicationWorkflow.Apply(Application, action, now, Decision.Eligible ? null : Decision.Reason!.Trim());
        await emails.StatusChangedAsync(Application, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["StatusMessage"] = "La candidature a changé entre-temps : vérifiez-la avant de décider.";
            return Redirect(Path(callId, id));
        }
        TempData["StatusMessage"] = Decision.Eligible
            ? "La candidature est recevable. Chaque membre de l’équipe en est informé."
            : "La candidature n’est pas recevable. Chaque membre de l’équipe en est informé, avec la raison.";
        return Redirect(Path(callId, id));
    }

    /// <summary>A file of the application; never kept by a browser or a proxy.</summary>
    public async Task<IActionResult> OnGetFichierAsync(int callId, int id, int fieldId, CancellationToken cancellationToken)
    {
        var file = await db.ApplicationAnswers.Where(a => a.ApplicationId == id && a.FieldId == fieldId && a.File != null)
            .Where(a => db.CallApplications.Any(c => c.Id == id && c.CallId == callId))
            .Select(a => a.File!).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "no-store";
        return File(file.Content, file.ContentType, file.FileName);
    }

    public static string Path(int callId, int id) => $"/admin/appels/{callId}/candidatures/{id}";

    private async Task<bool> LoadAsync(int callId, int id, CancellationToken cancellationToken)
    {
        if (!await db.CallApplications.AnyAsync(a => a.Id == id && a.CallId == callId, cancellationToken))
        {
            return false;
        }
        Application = (await submission.LoadAsync(id, cancellationToken))!;
        Fields = [.. Call.Fields.OrderBy(f => f.Order).ThenBy(f => f.Id)];
        Files = await db.ApplicationAnswers.Where(a => a.ApplicationId == id && a.File != null)
            .Select(a => new { a.FieldId, a.File!.FileName, a.File.SizeBytes })
            .ToDictionaryAsync(a => a.FieldId, a => new FileAnswer(a.FileName, a.SizeBytes), cancellationToken);
        return true;
    }
}
