using Escale.Core.Content;
using Escale.Core.Data;
using Escale.Web.Infrastructure.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Escale.Web.Pages.Recits;

/// <summary>Portraits, company stories and news, newest first, filtered by a plain GET form.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class IndexModel(EscaleDbContext db, ContentIndex index, TimeProvider clock) : PageModel
{
    public static readonly ContentType[] Types = [ContentType.Portrait, ContentType.CompanyStory, ContentType.News];

    public ContentListingView Listing { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Listing = await ContentListingView.LoadAsync(this, db, index, clock.GetUtcNow(), "/recits", "Récits", Types, showTypes: true, cancellationToken);
        return Page();
    }
}
