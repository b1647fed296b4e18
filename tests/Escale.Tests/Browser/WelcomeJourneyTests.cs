using System.Text.Json;
using System.Text.RegularExpressions;
using Escale.Core.Welcome;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Escale.Tests.Browser;

/// <summary>
/// The welcome journey end to end, as its three people live it: a "wanted" couple (an engineer and a nurse, two
/// children of 6 and 11) sends its project towards the Grand-Figeac; the Grand-Figeac's referent follows the case and
/// refers the nurse to an employer, who sees only what the household agreed to share; the household answers from its
/// space, sees who opened its file, exports its data and erases its account. Real SMTP, real Chromium.
/// </summary>
public sealed partial class WelcomeJourneyTests : IAsyncLifetime
{
    private const string HouseholdPhone = "06 12 34 56 78";
    private MailBrowserApp _site = null!;

    public async Task InitializeAsync() => _site = await MailBrowserApp.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task WantedCouple_TowardsTheGrandFigeac_IsFollowedReferredAnsweredThenExportsAndErasesItsData()
    {
        var app = _site.App;
        var (figeacReferent, _) = await ReferentWelcomeSteps.ReferentAsync(app, ReferentWelcomeSteps.GrandFigeac, coordinator: true);
        var (cahorsReferent, _) = await ReferentWelcomeSteps.ReferentAsync(app, ReferentWelcomeSteps.GrandCahors, coordinator: true);
        var (employer, employerOrganisationId) = await PartnerSteps.PartnerAsync(app);
        var employerName = await app.WithDbAsync(db => db.Organisations.Where(o => o.Id == employerOrganisationId).Select(o => o.Name).SingleAsync());
        var nurseJob = await SpaceWelcomeSteps.JobAsync(app, employerOrganisationId, "Infirmier en soins généraux au centre hospitalier", "J1506");
        var email = $"famille-{Guid.NewGuid():N}@test.escale";

        // The household: from the home page to its project, five steps, with JavaScript on as most people have it.
        var household = await _site.NewPageAsync();
        var problems = BrowserSteps.WatchForProblems(household);
        await household.GotoAsync("/");
        await household.GetByRole(AriaRole.Link, new() { Name = "Mon projet d’installation" }).First.ClickAsync();
        await household.Locator("#adulte-0-prenom").FillAsync("Marc");
        await household.Locator("#adulte-0-nom").FillAsync("Durand");
        await household.Locator("#adulte-0-souhait-Job").CheckAsync();
        await household.Locator("#adulte-0-metier").FillAsync("R&D en industrie");
        await household.Locator("button[name=Go][value=search-0]").ClickAsync();
        await household.Locator("#adulte-0-rome-H1206").CheckAsync();
        await household.Locator("#adulte-1-prenom").FillAsync("Claire");
        await household.Locator("#adulte-1-nom").FillAsync("Durand");
        await household.Locator("#adulte-1-souhait-Job").CheckAsync();
        await household.Locator("#adulte-1-metier").FillAsync("infirmier");
        await household.Locator("button[name=Go][value=search-1]").ClickAsync();
        await household.Locator("#adulte-1-rome-J1506").CheckAsync();
        await household.Locator("#adulte-1-experience").FillAsync("8");
        await Assertions.Expect(household.Locator("#adulte-0-rome-H1206")).ToBeCheckedAsync();
        await household.GetByLabel("Âges des enfants qui viennent avec vous").FillAsync("6, 11");
        await Continue(household);

        await household.GetByLabel("Profils recherchés").CheckAsync();
        await household.GetByLabel("Où vivez-vous aujourd’hui ?").FillAsync("Lyon");
        await household.GetByLabel(new Regex("Grand-Figeac")).CheckAsync();
        await household.GetByLabel("Dans l’année").CheckAsync();
        await Continue(household);

        await household.GetByLabel("Louer").CheckAsync();
        await household.GetByLabel("École, collège, lycée").CheckAsync();
        await Continue(household);

        await household.GetByLabel("Une campagne (affiche, annonce, réseaux sociaux)").CheckAsync();
        await household.GetByLabel("Téléphone (facultatif)").FillAsync(HouseholdPhone);
        await Continue(household);

        await household.GetByLabel("Votre nom").FillAsync("Claire et Marc Durand");
        await household.GetByLabel("Adresse électronique").FillAsync(email);
        await household.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(MailAppFixture.Password);
        await household.GetByLabel("Confirmation du mot de passe").FillAsync(MailAppFixture.Password);
        await household.Locator("#accord-accompagnement").CheckAsync();
        await household.Locator("#accord-offres").CheckAsync();
        await household.GetByRole(AriaRole.Button, new() { Name = "Envoyer mon projet" }).ClickAsync();
        await Assertions.Expect(household.GetByRole(AriaRole.Heading, new() { Name = "Votre projet est envoyé" })).ToBeVisibleAsync();

        var confirmation = await _site.Mail.WaitForMessageAsync(email, where: m => ConfirmLink().IsMatch(m.TextBody ?? ""));
        await household.GotoAsync(new Uri(ConfirmLink().Match(confirmation.TextBody ?? "").Value).PathAndQuery);
        await BrowserSteps.SignInAsync(household, email);

        // The Grand-Figeac's referent finds it at the top of the caseload; the Grand Cahors' referent cannot open it.
        var referent = await _site.NewPageAsync();
        await BrowserSteps.SignInAsync(referent, figeacReferent.Email!);
        await referent.GotoAsync("/admin/dossiers");
        var firstCase = referent.Locator("#dossiers tbody tr").First;
        await Assertions.Expect(firstCase).ToContainTextAsync("Marc et Claire Durand");
        await firstCase.GetByRole(AriaRole.Link).First.ClickAsync();
        var caseUrl = new Uri(referent.Url).AbsolutePath;
        Assert.Matches(@"^/admin/dossiers/\d+$", caseUrl);

        var stranger = await _site.NewPageAsync();
        await BrowserSteps.SignInAsync(stranger, cahorsReferent.Email!);
        var refused = await stranger.GotoAsync(caseUrl);
        Assert.Equal(404, refused!.Status);

        // Qualifying tells the household, in plain French, through the real SMTP server.
        await referent.GetByRole(AriaRole.Button, new() { Name = "Qualifier" }).ClickAsync();
        var stageMail = await _site.Mail.WaitForMessageAsync(email, where: m => (m.TextBody ?? "").Contains("a lu votre projet", StringComparison.Ordinal));
        Assert.Contains("/mon-espace", stageMail.TextBody, StringComparison.Ordinal);

        await referent.GetByLabel("Message au ménage").FillAsync("Bonjour, pouvons-nous nous appeler jeudi ?");
        await referent.GetByRole(AriaRole.Button, new() { Name = "Envoyer au ménage" }).ClickAsync();
        await _site.Mail.WaitForMessageAsync(email, where: m => (m.TextBody ?? "").Contains("pouvons-nous nous appeler jeudi", StringComparison.Ordinal));

        // The nurse is referred to the employer: her name, e-mail and occupation, not the phone nor the children.
        await referent.GetByLabel("Partenaire", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = employerName });
        await referent.GetByLabel("Type de partenaire").SelectOptionAsync(new SelectOptionValue { Label = "Employeur" });
        await referent.GetByLabel("Personne concernée").SelectOptionAsync(new SelectOptionValue { Label = "Claire" });
        await referent.GetByLabel("Message au partenaire").FillAsync("Infirmière expérimentée, arrive dans l’année.");
        await referent.GetByLabel("Nom et prénom").CheckAsync();
        await referent.GetByLabel("Adresse e-mail").CheckAsync();
        await referent.GetByLabel("Métier").CheckAsync();
        await referent.GetByRole(AriaRole.Button, new() { Name = "Préparer" }).ClickAsync();

        await household.GotoAsync("/mon-espace/orientations");
        await Assertions.Expect(household.Locator("main")).ToContainTextAsync(employerName);
        await household.GetByRole(AriaRole.Button, new() { Name = "J’accepte ce partage" }).ClickAsync();

        await referent.GotoAsync(caseUrl);
        await referent.Locator("#orientations").Locator("xpath=..").GetByRole(AriaRole.Button, new() { Name = "Envoyer", Exact = true }).ClickAsync();
        await _site.Mail.WaitForMessageAsync(employer.Email!);

        var partner = await _site.NewPageAsync();
        await BrowserSteps.SignInAsync(partner, employer.Email!);
        await partner.GotoAsync("/espace-partenaire/orientations");
        await partner.Locator("main a[href^='/espace-partenaire/orientations/']").First.ClickAsync();
        var shared = partner.Locator("main");
        await Assertions.Expect(shared).ToContainTextAsync("Claire");
        await Assertions.Expect(shared).ToContainTextAsync(email);
        await Assertions.Expect(shared).ToContainTextAsync("Infirmier / Infirmière en soins généraux");
        var partnerSees = await shared.InnerTextAsync();
        Assert.DoesNotContain(HouseholdPhone, partnerSees, StringComparison.Ordinal);
        Assert.DoesNotContain("Marc", partnerSees, StringComparison.Ordinal);
        Assert.DoesNotContain("Lyon", partnerSees, StringComparison.Ordinal);

        // The household reads the message and answers; the answer lands on the case.
        await household.GotoAsync("/mon-espace/messages");
        await Assertions.Expect(household.Locator("main")).ToContainTextAsync("pouvons-nous nous appeler jeudi");
        await household.GetByLabel("Votre message").FillAsync("Avec plaisir, jeudi après 18 h.");
        await household.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        await referent.GotoAsync(caseUrl);
        await Assertions.Expect(referent.Locator("main")).ToContainTextAsync("Avec plaisir, jeudi après 18 h.");

        // Its space: the history, the explained matches, and who opened the file.
        await household.GotoAsync("/mon-espace");
        await Assertions.Expect(household.Locator("#historique").Locator("xpath=..")).ToContainTextAsync("Qualifié");
        var matches = household.Locator("#propositions").Locator("xpath=..");
        await Assertions.Expect(matches).ToContainTextAsync(nurseJob.Title);
        await Assertions.Expect(matches).ToContainTextAsync("même métier");
        await household.GotoAsync("/mon-espace/acces");
        await Assertions.Expect(household.Locator("main")).ToContainTextAsync(figeacReferent.DisplayName!);
        await Assertions.Expect(household.Locator("main")).ToContainTextAsync(employerName);

        // Export, then erasure: the case keeps only anonymous figures.
        await household.GotoAsync("/compte/mes-donnees");
        var download = await household.RunAndWaitForDownloadAsync(() => household.GetByRole(AriaRole.Link, new() { Name = "Télécharger mes données" }).ClickAsync());
        using (var export = JsonDocument.Parse(await File.ReadAllTextAsync((await download.PathAsync())!)))
        {
            var text = export.RootElement.GetRawText();
            Assert.Contains("Claire", text, StringComparison.Ordinal);
            Assert.Contains("Avec plaisir, jeudi", text, StringComparison.Ordinal);
        }
        await household.Locator("#effacer").Locator("xpath=..").GetByLabel("Mot de passe").FillAsync(MailAppFixture.Password);
        await household.GetByRole(AriaRole.Button, new() { Name = "Effacer définitivement mon compte" }).ClickAsync();
        await household.WaitForURLAsync(url => !url.Contains("/compte/mes-donnees", StringComparison.Ordinal));

        var caseId = int.Parse(caseUrl[(caseUrl.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var erased = await app.WithDbAsync(db => db.Cases.AsNoTracking()
            .Where(c => c.Id == caseId)
            .Select(c => new { c.Anonymised, c.HouseholdUserId, c.HouseholdName, c.Stage, c.IntercommunalityId, Messages = c.Messages.Count, Adults = c.Project.Adults.Count })
            .SingleAsync());
        Assert.True(erased.Anonymised);
        Assert.Null(erased.HouseholdUserId);
        Assert.Null(erased.HouseholdName);
        Assert.Equal(CaseStage.Closed, erased.Stage);
        Assert.NotNull(erased.IntercommunalityId);
        Assert.Equal(0, erased.Messages);
        Assert.Equal(0, erased.Adults);
        Assert.Null(await app.WithDbAsync(db => db.Users.SingleOrDefaultAsync(u => u.Email == email)));
        Assert.Empty(problems);
    }

    private static Task Continue(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Continuer", Exact = true }).Last.ClickAsync();

    [GeneratedRegex(@"https?://\S+/compte/confirmer\S*")]
    private static partial Regex ConfirmLink();
}
