using System.Globalization;
using Escale.Core.Calls;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Welcome;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Candidatures;

/// <summary>
/// One application. Its lead fills the call's form (typed fields, files checked by their content), saves the draft
/// without the required answers, sends it (every problem listed, beside its field when it is one), withdraws it, and
/// sends a guardian a new link. Its confirmed members read it; anyone else gets a 404. After the deadline nothing changes.
/// </summary>
public sealed class CandidatureModel(EscaleDbContext db, UserManager<ApplicationUser> users, ApplicationSubmission submission,
    ApplicationEmails emails, TimeProvider clock) : PageModel
{
    public sealed record FileAnswer(string FileName, long SizeBytes);

    /// <summary>
    /// The answers, by field id, as typed (a number with its comma, a date as yyyy-MM-dd, « true »/« false »). Read from the
    /// form by name rather than bound: a dictionary bound with no answer posted falls back to every other form field.
    /// </summary>
    public Dictionary<int, string?> Answers { get; set; } = [];

    [BindProperty]
    public string? ProjectTitle { get; set; }

    public CallApplication Application { get; private set; } = null!;
    public CallForProjects Call => Application.Call!;
    public IReadOnlyList<CallField> Fields { get; private set; } = [];
    public IReadOnlyDictionary<int, FileAnswer> Files { get; private set; } = new Dictionary<int, FileAnswer>();
    public bool IsLead { get; private set; }
    public bool BeforeDeadline { get; private set; }
    public bool CanEdit => IsLead && BeforeDeadline && Application.Status == ApplicationStatus.Draft;
    public bool CanWithdraw => IsLead && ApplicationWorkflow.Refusal(Application, Call, ApplicationAction.Withdraw, clock.GetUtcNow()) is null;

    public static string FileInputName(int fieldId) => "fichier-" + fieldId.ToString(CultureInfo.InvariantCulture);

    public static string AnswerKey(int fieldId) => $"Answers[{fieldId.ToString(CultureInfo.InvariantCulture)}]";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        ProjectTitle = Application.ProjectTitle;
        Answers = Application.Answers.ToDictionary(a => a.FieldId, a => a.Value);
        return Page();
    }

    public async Task<IActionResult> OnPostEnregistrerAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || !IsLead)
        {
            return NotFound();
        }
        try
        {
            if (!await SaveAsync(cancellationToken))
            {
                return Page();
            }
        }
        catch (DbUpdateException)
        {
            return Changed(id);
        }
        TempData["StatusMessage"] = "Le brouillon est enregistré.";
        return Redirect(ApplicationEmails.ApplicationPath(id));
    }

    public async Task<IActionResult> OnPostEnvoyerAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || !IsLead)
        {
            return NotFound();
        }
        if (ApplicationWorkflow.Refusal(Application, Call, ApplicationAction.Submit, clock.GetUtcNow()) is { } refusal)
        {
            ModelState.AddModelError("", refusal);
            return Page();
        }
        try
        {
            if (!await SaveAsync(cancellationToken))
            {
                return Page();
            }
        }
        catch (DbUpdateException)
        {
            return Changed(id);
        }
        var check = submission.Problems(Application);
        if (!check.Passes)
        {
            foreach (var problem in check.Problems)
            {
                ModelState.AddModelError("", problem);
            }
            foreach (var (fieldId, problem) in check.FieldProblems)
            {
                ModelState.AddModelError(AnswerKey(fieldId), problem);
            }
            ViewData["SavedButNotSent"] = true;
            await LoadFilesAsync(cancellationToken);
            return Page();
        }
        try
        {
            await submission.SubmitAsync(Application, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Changed(id);
        }
        TempData["StatusMessage"] = Application.Status == ApplicationStatus.AwaitingGuardian
            ? "Votre candidature attend l’accord d’un représentant légal : un courriel lui est parti. Elle sera envoyée dès qu’il l’aura donné."
            : "Votre candidature est envoyée. Chaque membre de l’équipe reçoit un accusé de réception.";
        return Redirect(ApplicationEmails.ApplicationPath(id));
    }

    public async Task<IActionResult> OnPostRetirerAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || !IsLead)
        {
            return NotFound();
        }
        var now = clock.GetUtcNow();
        if (ApplicationWorkflow.Refusal(Application, Call, ApplicationAction.Withdraw, now) is { } refusal)
        {
            ModelState.AddModelError("", refusal);
            return Page();
        }
        ApplicationWorkflow.Apply(Application, ApplicationAction.Withdraw, now, "Retirée par la personne qui porte le projet.");
        await emails.StatusChangedAsync(Application, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Changed(id);
        }
        TempData["StatusMessage"] = "Votre candidature est retirée. Chaque membre de l’équipe en est informé.";
        return Redirect(ApplicationEmails.ApplicationPath(id));
    }

    /// <summary>A new link for a guardian whose link expired or was lost, while the application waits for them.</summary>
    public async Task<IActionResult> OnPostRenvoyerAsync(int id, int consentId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || !IsLead)
        {
            return NotFound();
        }
        var member = Application.Members.FirstOrDefault(m => m.GuardianConsents.Any(g => g.Id == consentId));
        var consent = member?.GuardianConsents.First(g => g.Id == consentId);
        if (member is null || consent is null || consent.ConsentedAt is not null || consent.WithdrawnAt is not null
            || Application.Status != ApplicationStatus.AwaitingGuardian)
        {
            return NotFound();
        }
        submission.Resend(Application, consent, member);
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = "Un nouveau lien est parti vers le représentant légal.";
        return Redirect(ApplicationEmails.ApplicationPath(id));
    }

    /// <summary>A double submit, or two tabs: the first change stands, and the page says so.</summary>
    private RedirectResult Changed(int id)
    {
        TempData["StatusMessage"] = "La candidature a changé entre-temps (un double envoi, ou un autre onglet) : vérifiez-la avant de recommencer.";
        return Redirect(ApplicationEmails.ApplicationPath(id));
    }

    /// <summary>A file of the application, for its lead and confirmed members; never kept by a browser or a proxy.</summary>
    public async Task<IActionResult> OnGetFichierAsync(int id, int fieldId, CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        var file = await ApplicationSubmission.VisibleTo(db.CallApplications, userId).Where(a => a.Id == id)
            .SelectMany(a => a.Answers).Where(a => a.FieldId == fieldId && a.File != null)
            .Select(a => a.File!).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "no-store";
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>
    /// Checks every answer against its field's type, then saves them all, or nothing: a wrong file, a number that is
    /// not one or a choice not offered leaves the stored draft as it was. Required answers are not asked for here.
    /// </summary>
    private async Task<bool> SaveAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!BeforeDeadline)
        {
            ModelState.AddModelError("", ApplicationSubmission.AfterDeadline);
            return false;
        }
        if (Application.Status != ApplicationStatus.Draft)
        {
            ModelState.AddModelError("", ApplicationSubmission.NotADraft);
            return false;
        }
        var title = ProjectTitle?.Trim() ?? "";
        if (title.Length > CallApplication.ProjectTitleMaxLength)
        {
            ModelState.AddModelError(nameof(ProjectTitle), $"Le titre ne doit pas dépasser {CallApplication.ProjectTitleMaxLength} caractères.");
        }
        var values = new Dictionary<int, string?>();
        var uploads = new Dictionary<int, (string Name, DocumentKind Kind, byte[] Content)>();
        foreach (var field in Fields)
        {
            if (field.Type == CallFieldType.File)
            {
                if (await UploadAsync(field, cancellationToken) is { } upload)
                {
                    uploads[field.Id] = upload;
                }
                continue;
            }
            var raw = Request.Form[AnswerKey(field.Id)].ToString().Trim();
            Answers[field.Id] = raw;
            var (value, error) = string.IsNullOrEmpty(raw) ? (null, null) : Normalise(field, raw);
            if (error is not null)
            {
                ModelState.AddModelError(AnswerKey(field.Id), error);
            }
            values[field.Id] = value;
        }
        if (!ModelState.IsValid)
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Application.ProjectTitle = title;
        foreach (var (fieldId, value) in values)
        {
            var answer = Application.Answers.FirstOrDefault(a => a.FieldId == fieldId);
            if (value is null)
            {
                if (answer is not null)
                {
                    db.ApplicationAnswers.Remove(answer);
                    Application.Answers.Remove(answer);
                }
                continue;
            }
            if (answer is null)
            {
                Application.Answers.Add(new ApplicationAnswer { FieldId = fieldId, Value = value });
            }
            else
            {
                answer.Value = value;
            }
        }
        foreach (var (fieldId, upload) in uploads)
        {
            var answer = Application.Answers.FirstOrDefault(a => a.FieldId == fieldId);
            if (answer is null)
            {
                answer = new ApplicationAnswer { FieldId = fieldId };
                Application.Answers.Add(answer);
            }
            else
            {
                await db.ApplicationFiles.Where(f => f.AnswerId == answer.Id).ExecuteDeleteAsync(cancellationToken);
            }
            answer.Value = upload.Name;
            answer.File = new ApplicationFile
            {
                FileName = upload.Name,
                ContentType = upload.Kind.ContentType(),
                SizeBytes = upload.Content.LongLength,
                Content = upload.Content,
            };
        }
        Application.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task<(string Name, DocumentKind Kind, byte[] Content)?> UploadAsync(CallField field, CancellationToken cancellationToken)
    {
        var file = Request.HasFormContentType ? Request.Form.Files.GetFile(FileInputName(field.Id)) : null;
        if (file is null || (file.Length == 0 && string.IsNullOrEmpty(file.FileName)))
        {
            return null;
        }
        await using var content = new MemoryStream();
        if (file.Length <= DocumentTypes.MaxBytes)
        {
            await file.CopyToAsync(content, cancellationToken);
            content.Position = 0;
        }
        if (DocumentTypes.Refusal(content, file.Length) is { } refusal)
        {
            ModelState.AddModelError(AnswerKey(field.Id), refusal);
            return null;
        }
        var kind = DocumentTypes.Detect(content)!.Value;
        var name = Path.GetFileName(file.FileName.Replace('\\', '/'));
        if (string.IsNullOrWhiteSpace(name))
        {
            name = "document" + kind.Extension();
        }
        return (name.Length > 255 ? name[^255..] : name, kind, content.ToArray());
    }

    /// <summary>The value stored for a typed answer, or the French reason it is refused.</summary>
    public static (string? Value, string? Error) Normalise(CallField field, string raw) => field.Type switch
    {
        CallFieldType.ShortText when raw.Length > CallField.ShortTextMaxLength =>
            (null, $"Cette réponse ne doit pas dépasser {CallField.ShortTextMaxLength} caractères."),
        CallFieldType.LongText when raw.Length > CallField.LongTextMaxLength =>
            (null, $"Cette réponse ne doit pas dépasser {CallField.LongTextMaxLength} caractères."),
        CallFieldType.ShortText or CallFieldType.LongText => (raw, null),
        CallFieldType.Choice => field.ChoiceList.Contains(raw, StringComparer.Ordinal) ? (raw, null) : (null, "Choisissez l’une des réponses proposées."),
        CallFieldType.Number => decimal.TryParse(raw.Replace(" ", "", StringComparison.Ordinal).Replace('\u202f'.ToString(), "", StringComparison.Ordinal).Replace(',', '.'),
                NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            ? (number.ToString(CultureInfo.InvariantCulture), null)
            : (null, "Indiquez un nombre."),
        CallFieldType.Date => DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? (date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null)
            : (null, "Indiquez une date valide."),
        CallFieldType.YesNo => raw is "true" or "false" ? (raw, null) : (null, "Répondez par oui ou par non."),
        _ => (null, "Ce type de question ne prend pas de réponse écrite."),
    };

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        if (!await ApplicationSubmission.VisibleTo(db.CallApplications, userId).AnyAsync(a => a.Id == id, cancellationToken))
        {
            return false;
        }
        Application = (await submission.LoadAsync(id, cancellationToken))!;
        IsLead = Application.LeadUserId == userId;
        BeforeDeadline = clock.GetUtcNow() < Call.ClosesAt;
        Fields = [.. Call.Fields.OrderBy(f => f.Order).ThenBy(f => f.Id)];
        await LoadFilesAsync(cancellationToken);
        return true;
    }

    private async Task LoadFilesAsync(CancellationToken cancellationToken) =>
        Files = await db.ApplicationAnswers.Where(a => a.ApplicationId == Application.Id && a.File != null)
            .Select(a => new { a.FieldId, a.File!.FileName, a.File.SizeBytes })
            .ToDictionaryAsync(a => a.FieldId, a => new FileAnswer(a.FileName, a.SizeBytes), cancellationToken);
}
