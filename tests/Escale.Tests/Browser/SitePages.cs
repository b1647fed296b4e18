using Escale.Web.Infrastructure.Links;
using System.Runtime.CompilerServices;
using Escale.Core.Content;
using Escale.Core.Identity;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Browser;

/// <summary>
/// One address per kind of page of the site, with the data it needs (an opportunity, a story, an event, an organisation,
/// a partner and an editor to sign in), arranged once per browser fixture for the tests that walk every page.
/// </summary>
public sealed class SitePages
{
    private static readonly ConditionalWeakTable<BrowserFixture, Task<SitePages>> Arranged = [];

    /// <summary>Every kind of page a visitor reaches without an account.</summary>
    public static readonly TheoryData<string> Public =
    [
        "home", "persona", "offers", "offer", "offers-map", "stories", "story", "events", "events-month", "event", "stories-map",
        "search", "communes", "commune", "intercommunalities", "intercommunality", "territory", "living-here", "living-here-item",
        "organisation", "sign-in", "sign-up", "forgotten-password", "contact", "legal", "privacy", "open-data", "new-alert", "project",
        "welcome-kits", "welcome-kit", "brand-proposals", "brand-proposal",
    ];

    /// <summary>The pages of a signed-in partner (<c>partner:</c>) or editor and administrator (<c>editor:</c>).</summary>
    public static readonly TheoryData<string> SignedIn =
    [
        "partner:account", "partner:partner-space", "partner:partner-offer", "partner:partner-candidates", "partner:partner-candidate", "partner:propose-story",
        "editor:back-office", "editor:contents", "editor:content-editor", "editor:campaigns", "editor:campaign-editor",
        "editor:moderation", "editor:users", "editor:imports", "editor:import-formats", "editor:kit-personas", "editor:kit-steps",
        "partner:brand-propose", "partner:brand-mine", "editor:brand-back-office", "editor:brand-moderation", "editor:brand-answer",
    ];

    private readonly Dictionary<string, string> _urls;

    private SitePages(Dictionary<string, string> urls, string partnerEmail, string editorEmail)
    {
        _urls = urls;
        PartnerEmail = partnerEmail;
        EditorEmail = editorEmail;
    }

    public string PartnerEmail { get; }
    public string EditorEmail { get; }

    public string this[string page] => _urls[page.Contains(':', StringComparison.Ordinal) ? page[(page.IndexOf(':', StringComparison.Ordinal) + 1)..] : page];

    public static Task<SitePages> OfAsync(BrowserFixture browser) => Arranged.GetValue(browser, ArrangeAsync);

    private static async Task<SitePages> ArrangeAsync(BrowserFixture browser)
    {
        var app = browser.App;
        var suffix = StorySteps.Unique();
        var (partner, organisationId) = await PartnerSteps.PartnerAsync(app);
        var organisationSlug = await app.WithDbAsync(db => db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Slug).SingleAsync());
        var opportunity = await PartnerSteps.OpportunityAsync(app, organisationId, $"Technicienne de maintenance des remontées mécaniques et installations {suffix}");
        var interestId = await app.WithDbAsync(async db =>
        {
            var interest = new Core.Opportunities.Interest.OpportunityInterest
            {
                OpportunityId = opportunity.Id, Name = "Inès Candidate", Email = $"ines-{suffix}@test.escale", Phone = "06 12 34 56 78",
                Message = "Je connais bien ces installations.", ConsentedAt = DateTimeOffset.UtcNow, CreatedAt = DateTimeOffset.UtcNow,
                Source = Core.Opportunities.Interest.OpportunityInterest.OpportunitySource,
            };
            db.OpportunityInterests.Add(interest);
            await db.SaveChangesAsync();
            return interest.Id;
        });
        var cahors = await StorySteps.CommuneIdAsync(app, "Cahors");
        var story = await StorySteps.PublishedAsync(app,
            StorySteps.Draft(ContentType.Portrait, $"Karim, maraîcher à Prayssac {suffix}", "changer-de-vie") with { CommuneId = cahors },
            imageAlt: "Karim dans ses serres");
        var startsAt = DateTimeOffset.UtcNow.AddDays(3);
        var evening = await StorySteps.PublishedAsync(app, StorySteps.Draft(ContentType.Event, $"Trail des coteaux de Cahors {suffix}") with
        {
            CommuneId = cahors, StartsAt = startsAt, EndsAt = startsAt.AddHours(5), Venue = "Pont Valentré", Price = "Gratuit",
        });
        var living = await StorySteps.PublishedAsync(app,
            StorySteps.Draft(ContentType.QualityOfLife, $"La fibre dans tout le Ségala {suffix}") with { Themes = [ContentTheme.Broadband] });
        var editor = await MailAppFixture.CreateUserAsync(app, roles: [Roles.Administrator, Roles.Editor]);
        var slogan = await BrandSteps.ProposalAsync(app, partner, title: $"Le Lot, grandeur nature {suffix}");
        var waitingSlogan = await BrandSteps.ProposalAsync(app, partner, Core.BrandCoCreation.BrandProposalStatus.Submitted, title: $"Le Lot, ça se vit {suffix}");

        var urls = new Dictionary<string, string>
        {
            ["home"] = "/",
            ["persona"] = "/profils/changer-de-vie",
            ["offers"] = "/offres",
            ["offer"] = $"/offres/{opportunity.Id}/{opportunity.Slug}",
            ["offers-map"] = "/offres/carte",
            ["stories"] = "/recits",
            ["story"] = SiteLinks.ContentPath(story.Type, story.Slug),
            ["events"] = "/evenements",
            ["events-month"] = "/evenements?vue=mois",
            ["event"] = SiteLinks.ContentPath(evening.Type, evening.Slug),
            ["stories-map"] = "/recits/carte",
            ["search"] = "/recherche?q=Cahors",
            ["communes"] = "/communes",
            ["commune"] = "/communes/46042/cahors",
            ["intercommunalities"] = "/intercommunalites",
            ["intercommunality"] = "/intercommunalites/cc-grand-figeac",
            ["territory"] = "/territoire",
            ["living-here"] = "/vivre-ici",
            ["living-here-item"] = SiteLinks.ContentPath(living.Type, living.Slug),
            ["organisation"] = "/organisations/" + organisationSlug,
            ["sign-in"] = "/compte/connexion",
            ["sign-up"] = "/compte/inscription",
            ["forgotten-password"] = "/compte/mot-de-passe-oublie",
            ["contact"] = "/contact",
            ["project"] = "/mon-projet",
            ["legal"] = "/mentions-legales",
            ["privacy"] = "/confidentialite",
            ["open-data"] = "/donnees-ouvertes",
            ["new-alert"] = "/offres/alertes/nouvelle?q=menuisier",
            ["account"] = "/compte",
            ["partner-space"] = "/espace-partenaire",
            ["partner-offer"] = $"/espace-partenaire/offres?organisation={organisationId}&type=Job",
            ["partner-candidates"] = $"/espace-partenaire/offres/{opportunity.Id}/candidats",
            ["partner-candidate"] = $"/espace-partenaire/candidats/{interestId}",
            ["propose-story"] = "/proposer-un-recit",
            ["back-office"] = "/admin",
            ["contents"] = "/admin/contenus",
            ["content-editor"] = "/admin/contenus/edition",
            ["campaigns"] = "/admin/campagnes",
            ["campaign-editor"] = "/admin/campagnes/edition",
            ["moderation"] = "/admin/moderation",
            ["users"] = "/admin/utilisateurs",
            ["imports"] = "/admin/imports",
            ["import-formats"] = "/admin/imports/formats",
            ["welcome-kits"] = "/kits-accueil",
            ["welcome-kit"] = "/kits-accueil/changer-de-vie/cc-grand-figeac",
            ["kit-personas"] = "/admin/kits",
            ["kit-steps"] = "/admin/kits/changer-de-vie",
            ["brand-proposals"] = "/jeunes/marque",
            ["brand-proposal"] = $"/jeunes/marque/{slogan.Id}",
            ["brand-propose"] = "/jeunes/marque/proposer",
            ["brand-mine"] = "/jeunes/marque/mes-propositions",
            ["brand-back-office"] = "/admin/marque",
            ["brand-moderation"] = $"/admin/marque/{waitingSlogan.Id}/moderation",
            ["brand-answer"] = $"/admin/marque/{slogan.Id}/reponse",
        };
        return new SitePages(urls, partner.Email!, editor.Email!);
    }

    /// <summary>Signs the page's visitor in as the person the page key names (<c>partner:…</c>, <c>editor:…</c>).</summary>
    public Task SignInForAsync(Microsoft.Playwright.IPage page, string key) =>
        BrowserSteps.SignInAsync(page, key.StartsWith("partner:", StringComparison.Ordinal) ? PartnerEmail : EditorEmail);
}
