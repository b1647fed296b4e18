using Escale.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escale.Web.Pages.Dev;

/// <summary>
/// Development only: the messages the development SMTP server received. Only the text part is shown; the HTML
/// part is never rendered, so a message cannot run script or load anything in the developer's browser.
/// </summary>
public sealed class CourrielsModel(DevMailbox mailbox, IHostEnvironment environment) : PageModel
{
    public IReadOnlyList<DevMailbox.Summary> Messages { get; private set; } = [];

    public DevMailbox.Message? Selected { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment())
        {
            return NotFound();
        }
        if (id is not null)
        {
            Selected = await mailbox.FindAsync(id, cancellationToken);
            return Selected is null ? NotFound() : Page();
        }
        Messages = await mailbox.ListAsync(cancellationToken);
        return Page();
    }
}
