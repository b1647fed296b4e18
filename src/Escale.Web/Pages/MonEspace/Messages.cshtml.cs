using System.ComponentModel.DataAnnotations;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Welcome;
using Escale.Web.Pages.Accueil;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.MonEspace;

/// <summary>The thread with the referents: their messages (marked read once shown here) and the household's answers, which land on the case and are e-mailed to the referents following it.</summary>
public sealed class MessagesModel(EscaleDbContext db, UserManager<ApplicationUser> users, ReferentNotices notices, TimeProvider clock) : PageModel
{
    public const int MaxLength = 4000;

    public sealed record Line(bool FromHousehold, string Author, string Body, DateTimeOffset At);

    public IReadOnlyList<Line> Thread { get; private set; } = [];

    [BindProperty]
    [Required(ErrorMessage = "Écrivez votre message.")]
    [StringLength(MaxLength, ErrorMessage = "Votre message est trop long (4 000 caractères au plus).")]
    [Display(Name = "Votre message")]
    public string Body { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var caseId = await db.CaseOf(users.GetUserId(User)).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
        if (caseId is null)
        {
            return Redirect("/mon-espace");
        }
        await LoadAsync(caseId.Value, cancellationToken);
        await db.CaseMessages.Where(m => m.CaseId == caseId && !m.FromHousehold && m.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAt, clock.GetUtcNow()), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        var welcomeCase = await db.CaseOf(userId).FirstOrDefaultAsync(cancellationToken);
        if (welcomeCase is null)
        {
            return Redirect("/mon-espace");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(welcomeCase.Id, cancellationToken);
            return Page();
        }
        var now = clock.GetUtcNow();
        var actor = welcomeCase.HouseholdActor(userId);
        welcomeCase.Messages.Add(new CaseMessage { FromHousehold = true, AuthorUserId = userId, AuthorName = actor.Name, Body = Body.Trim(), At = now });
        welcomeCase.Record(CaseEventKind.MessageFromHousehold, actor, now);
        await notices.ToAssignedReferentsAsync(welcomeCase.Id, "Nouveau message d’un ménage",
            $"{actor.Name} vous a écrit dans son espace :\n\n{Body.Trim()}", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        TempData["StatusMessage"] = "Votre message a été envoyé à votre référent.";
        return RedirectToPage();
    }

    private async Task LoadAsync(int caseId, CancellationToken cancellationToken) =>
        Thread = await db.CaseMessages.Where(m => m.CaseId == caseId).OrderBy(m => m.At).ThenBy(m => m.Id)
            .Select(m => new Line(m.FromHousehold, m.AuthorName, m.Body, m.At)).ToListAsync(cancellationToken);
}
