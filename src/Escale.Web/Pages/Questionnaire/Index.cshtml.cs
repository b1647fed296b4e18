using System.ComponentModel.DataAnnotations;
using Escale.Core.Data;
using Escale.Core.Welcome;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.Questionnaire;

/// <summary>
/// The retention questionnaire, reached from the follow-up e-mail's link without signing in: the token is the key.
/// Answered once; an unknown or used link says so in plain French.
/// </summary>
public sealed class IndexModel(EscaleDbContext db, TimeProvider clock) : PageModel
{
    public const int MaxTextLength = 2000;

    public enum State { Open, Unknown, Answered, Thanks }

    public State Status { get; private set; }

    [BindProperty]
    [Required(ErrorMessage = "Dites si vous habitez toujours ici.")]
    [Display(Name = "Habitez-vous toujours ici ?")]
    public bool? StillLivingHere { get; set; }

    [BindProperty]
    [StringLength(MaxTextLength, ErrorMessage = "2 000 caractères au plus.")]
    [Display(Name = "Qu’est-ce qui vous a aidé ?")]
    public string? WhatHelped { get; set; }

    [BindProperty]
    [StringLength(MaxTextLength, ErrorMessage = "2 000 caractères au plus.")]
    [Display(Name = "Qu’est-ce qui vous a manqué ?")]
    public string? WhatWasMissing { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Choisissez une note de 0 à 10.")]
    [Range(0, 10, ErrorMessage = "Choisissez une note de 0 à 10.")]
    [Display(Name = "Recommanderiez-vous le territoire à un proche ?")]
    public int? Recommendation { get; set; }

    public async Task<IActionResult> OnGetAsync(string token, bool merci = false, CancellationToken cancellationToken = default)
    {
        if (merci)
        {
            Status = State.Thanks;
            return Page();
        }
        return await StateAsync(token, cancellationToken) == State.Open ? Page() : Refused();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        if (await StateAsync(token, cancellationToken) != State.Open)
        {
            return Refused();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var hash = FollowUpJob.Hash(token);
        var now = clock.GetUtcNow();
        // One update guarded by "not yet answered": two submissions at once record one answer.
        var answered = await db.CaseQuestionnaires.Where(q => q.TokenHash == hash && q.AnsweredAt == null).ExecuteUpdateAsync(s => s
            .SetProperty(q => q.AnsweredAt, now)
            .SetProperty(q => q.StillLivingHere, StillLivingHere)
            .SetProperty(q => q.WhatHelped, Clean(WhatHelped))
            .SetProperty(q => q.WhatWasMissing, Clean(WhatWasMissing))
            .SetProperty(q => q.Recommendation, Recommendation), cancellationToken);
        if (answered == 0)
        {
            Status = State.Answered;
            return Refused();
        }
        var caseId = await db.CaseQuestionnaires.Where(q => q.TokenHash == hash).Select(q => q.CaseId).SingleAsync(cancellationToken);
        var welcomeCase = await db.Cases.SingleAsync(c => c.Id == caseId, cancellationToken);
        welcomeCase.Record(CaseEventKind.QuestionnaireAnswered, new CaseActor(welcomeCase.HouseholdUserId, welcomeCase.HouseholdName ?? "Le ménage"), now);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage(new { token, merci = true });
    }

    private async Task<State> StateAsync(string token, CancellationToken cancellationToken)
    {
        var hash = FollowUpJob.Hash(token);
        var questionnaire = await db.CaseQuestionnaires.Where(q => q.TokenHash == hash).Select(q => new { q.AnsweredAt }).SingleOrDefaultAsync(cancellationToken);
        Status = questionnaire is null ? State.Unknown : questionnaire.AnsweredAt is null ? State.Open : State.Answered;
        return Status;
    }

    private PageResult Refused()
    {
        var page = Page();
        page.StatusCode = Status == State.Unknown ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone;
        return page;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
