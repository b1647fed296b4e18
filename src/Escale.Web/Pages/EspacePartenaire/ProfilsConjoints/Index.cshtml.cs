using Escale.Core.Data;
using Escale.Core.Identity;
using Escale.Core.Welcome;
using Escale.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.EspacePartenaire.ProfilsConjoints;

/// <summary>
/// Employers search the spouse profiles households share, by occupation domain, intercommunality, availability and
/// language: a few dozen rows at most, filtered in memory. Nothing on the page names a person.
/// </summary>
public sealed class IndexModel(EscaleDbContext db, UserManager<ApplicationUser> users, TimeProvider clock) : PageModel
{
    public sealed record Choice(string Value, string Label);

    [BindProperty(SupportsGet = true, Name = "domaine")]
    public string? Domain { get; set; }

    [BindProperty(SupportsGet = true, Name = "intercommunalite")]
    public int? IntercommunalityId { get; set; }

    [BindProperty(SupportsGet = true, Name = "disponible")]
    public DateOnly? AvailableBy { get; set; }

    [BindProperty(SupportsGet = true, Name = "langue")]
    public string? Language { get; set; }

    public IReadOnlyList<SpouseProfileCard> Profiles { get; private set; } = [];
    public IReadOnlyList<Choice> Domains { get; private set; } = [];
    public IReadOnlyList<Choice> Intercommunalities { get; private set; } = [];
    /// <summary>The profiles this partner's organisations already asked to meet, with the answer.</summary>
    public IReadOnlySet<int> Asked { get; private set; } = new HashSet<int>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(ParisTime.ToLocal(clock.GetUtcNow()));
        var all = await SpouseProfileCards.CardsAsync(db, db.Shared(today), cancellationToken);
        var domainCodes = all.Select(p => p.DomainCode).OfType<string>().Distinct().ToList();
        Domains = await db.RomeDomains.Where(d => domainCodes.Contains(d.Code)).OrderBy(d => d.Label).Select(d => new Choice(d.Code, d.Label)).ToListAsync(cancellationToken);
        Intercommunalities = (await db.Intercommunalities.OrderBy(e => e.Name).Select(e => new { e.Id, e.Name }).ToListAsync(cancellationToken)).Select(e => new Choice(e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Name)).ToList();
        Profiles = all
            .Where(p => string.IsNullOrEmpty(Domain) || p.DomainCode == Domain)
            .Where(p => IntercommunalityId is null || p.IntercommunalityIds.Contains(IntercommunalityId.Value))
            .Where(p => AvailableBy is null || p.AvailableOn is null || p.AvailableOn <= AvailableBy)
            .Where(p => string.IsNullOrEmpty(Language) || p.Languages.Contains(Language))
            .ToList();
        var userId = users.GetUserId(User)!;
        Asked = (await db.SpouseIntroductions.Where(i => i.PartnerOrganisation!.Members.Any(m => m.UserId == userId))
            .Select(i => i.SpouseProfileId).ToListAsync(cancellationToken)).ToHashSet();
    }
}
