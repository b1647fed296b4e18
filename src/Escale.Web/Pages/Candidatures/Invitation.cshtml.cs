using Escale.Core.Calls;
using Escale.Core.Data;
using Escale.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Escale.Web.Infrastructure.Security;

namespace Escale.Web.Pages.Candidatures;

/// <summary>
/// An invited member opens the e-mail's link, signed in (the sign-in page brings them back here), sees the call and the
/// project, gives their own details and confirms: the link then stops working, and they read the application.
/// </summary>
public sealed class InvitationModel(EscaleDbContext db, UserManager<ApplicationUser> users, ApplicationSubmission submission, TimeProvider clock) : PageModel
{
    public const string UsedOrUnknown = "Cette invitation a déjà été utilisée, ou elle a été annulée. Si vous l’avez confirmée, la candidature est dans « Mes candidatures ».";

    [BindProperty]
    public MemberDetails Input { get; set; } = new();

    public string? Refusal { get; private set; }
    public CallApplication? Application { get; private set; }
    public ApplicationMember? Member { get; private set; }
    public string LeadName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        await LoadAsync(token, cancellationToken);
        if (Member is not null)
        {
            var communes = Input.Communes;
            Input = MemberDetails.From(Member);
            Input.Communes = communes;
            Input.DateOfBirthRequired = Application!.Call!.Audience == CallAudience.Youth;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        await LoadAsync(token, cancellationToken);
        if (Member is null || Refusal is not null)
        {
            return Page();
        }
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var now = clock.GetUtcNow();
        var today = ApplicationSubmission.ParisDay(now);
        var call = Application!.Call!;
        await Input.ValidateAsync(ModelState, nameof(Input), call, today,
            [.. Application.Members.Select(m => m.Email), user.Email!], db, cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Member.UserId = user.Id;
        Member.ConfirmedAt = now;
        Member.InvitationTokenHash = null;
        Input.ApplyTo(Member, today, now);
        Application.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same link confirmed twice at once, or the team changed meanwhile: the first one stands.
            TempData["StatusMessage"] = UsedOrUnknown;
            return Redirect("/candidatures");
        }
        TempData["StatusMessage"] = "Votre participation est confirmée : vous faites partie de l’équipe.";
        return Redirect(ApplicationEmails.ApplicationPath(Application.Id));
    }

    private async Task LoadAsync(string token, CancellationToken cancellationToken)
    {
        if (!LinkTokens.IsWellFormed(token))
        {
            Refusal = UsedOrUnknown;
            return;
        }
        var hash = LinkTokens.Hash(token);
        var applicationId = await db.ApplicationMembers.Where(m => m.InvitationTokenHash == hash).Select(m => (int?)m.ApplicationId).FirstOrDefaultAsync(cancellationToken);
        if (applicationId is null)
        {
            Refusal = UsedOrUnknown;
            return;
        }
        Application = await submission.LoadAsync(applicationId.Value, cancellationToken);
        Member = Application!.Members.Single(m => m.InvitationTokenHash == hash);
        LeadName = Application.Members.Single(m => m.Role == MemberRole.Lead).Name;
        await Input.LoadAsync(db, Application.Call!, cancellationToken);
        var userId = users.GetUserId(User);
        var now = clock.GetUtcNow();
        Refusal = now >= Application.Call!.ClosesAt ? "La date limite de cet appel est passée : l’équipe ne peut plus changer."
            : Application.Status != ApplicationStatus.Draft ? "Cette candidature est déjà envoyée : l’équipe ne peut plus changer."
            : Application.Members.Any(m => m.UserId == userId) ? "Vous faites déjà partie de cette équipe."
            : null;
    }
}
