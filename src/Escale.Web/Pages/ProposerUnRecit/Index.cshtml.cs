using Escale.Core.Content;
using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Web.Infrastructure.Errors;
using Escale.Web.Pages.Admin.Contenus;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.ProposerUnRecit;

/// <summary>
/// Partners and ambassadors propose a portrait or a company story. It lands in review: only the editorial team
/// publishes, and nothing this page accepts can change that.
/// </summary>
public sealed class IndexModel(EscaleDbContext db, TimeProvider clock, UserManager<ApplicationUser> users) : PageModel
{
    [BindProperty]
    public ProposalForm Input { get; set; } = new();

    public sealed class ProposalForm
    {
        public ContentType Type { get; set; } = ContentType.Portrait;
        public string? Title { get; set; }
        public string? Summary { get; set; }
        public string? Body { get; set; }
        public string? Website { get; set; }
        public Guid? CreationKey { get; set; }
    }

    public void OnGet() => Input.CreationKey = Guid.NewGuid();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.Type is not (ContentType.Portrait or ContentType.CompanyStory))
        {
            return this.BadRequestPage("Vous pouvez proposer un portrait ou le récit d’une entreprise.");
        }
        if (Input.CreationKey is { } key && await db.ContentItems.AnyAsync(c => c.CreationKey == key, cancellationToken))
        {
            return RedirectToPage("/ProposerUnRecit/Merci");
        }
        var draft = new ContentForm
        {
            Type = Input.Type,
            TitleFr = Input.Title,
            SummaryFr = Input.Summary,
            BodyFr = Input.Body,
            Website = Input.Type == ContentType.CompanyStory ? Input.Website : null,
        }.ToDraft();
        foreach (var (field, message) in draft.Validate())
        {
            ModelState.AddModelError(field == "Title.fr" ? "Input.Title" : "Input." + field.Split('.')[0], message);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var now = clock.GetUtcNow();
        var item = new ContentItem { Slug = "", Status = ContentStatus.Draft, CreationKey = Input.CreationKey };
        await ContentEditing.SaveAsync(db, item, draft, users.GetUserId(User), "Proposition", now, cancellationToken);
        ContentWorkflow.Apply(item, ContentAction.Submit, now);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("/ProposerUnRecit/Merci");
    }
}
