using Escale.Core.Opportunities.Search;
using Escale.Core.Content;
using Escale.Core.Data;
using Escale.Web.Infrastructure.Caching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Escale.Web.Pages.Recits;

/// <summary>One story: a portrait, a company story or a news item. Unknown, unpublished and not-yet-due items are the site's 404.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class DetailModel(EscaleDbContext db, TimeProvider clock, OpportunitySearch offers) : PageModel
{
    private static readonly ContentType[] Types = [ContentType.Portrait, ContentType.CompanyStory, ContentType.News];

    public ContentArticle Article { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var article = await ContentArticle.PublicAsync(db, offers, Types, slug, clock.GetUtcNow(), cancellationToken);
        if (article is null)
        {
            return NotFound();
        }
        Article = article;
        return Page();
    }
}
