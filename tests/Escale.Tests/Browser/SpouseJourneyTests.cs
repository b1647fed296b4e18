using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Escale.Tests.Browser;

/// <summary>
/// The spouse's employment end to end: the nurse of a household moving to Figeac writes her profile with a CV and
/// shares it; an employer finds it without a name, asks for an introduction; the household accepts from its space,
/// told by e-mail; only then does the employer see the contact and download the CV. Real SMTP, real Chromium.
/// </summary>
public sealed class SpouseJourneyTests : IAsyncLifetime
{
    private MailBrowserApp _site = null!;

    public async Task InitializeAsync() => _site = await MailBrowserApp.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task NurseSharesHerProfile_EmployerFindsItWithoutAName_AsksAndSeesTheContactOnceAccepted()
    {
        var app = _site.App;
        var householdSteps = await SpaceWelcomeSteps.HouseholdAsync(app, signIn: false);
        var (employer, _) = await PartnerSteps.PartnerAsync(app);
        var until = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        // The household writes the nurse's profile, with her CV, and shares it for two months.
        var household = await _site.NewPageAsync();
        var problems = BrowserSteps.WatchForProblems(household);
        await BrowserSteps.SignInAsync(household, householdSteps.User.Email!);
        await household.GotoAsync("/mon-espace");
        await household.GetByRole(AriaRole.Link, new() { Name = "Profil du conjoint" }).ClickAsync();
        await household.GetByLabel("Qui cherche un emploi ?").SelectOptionAsync(new SelectOptionValue { Label = "Claire" });
        await household.GetByLabel("Métier recherché").FillAsync("infirmier");
        await household.GetByRole(AriaRole.Button, new() { Name = "Chercher", Exact = true }).ClickAsync();
        await household.Locator("#rome-J1506").CheckAsync();
        await household.GetByLabel("Années d’expérience dans ce métier").FillAsync("8");
        await household.GetByLabel("Disponible à partir du").FillAsync("2027-09-01");
        await household.GetByLabel("Anglais").CheckAsync();
        await household.GetByLabel("Présentation courte").FillAsync(SpouseSteps.Presentation);
        await household.Locator("#Cv").SetInputFilesAsync(new FilePayload { Name = "cv-claire.pdf", MimeType = "application/pdf", Buffer = SpouseSteps.Pdf });
        await household.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le profil" }).ClickAsync();
        await Assertions.Expect(household.GetByRole(AriaRole.Status)).ToHaveTextAsync("Le profil est enregistré.");
        await household.GetByLabel("Partager jusqu’au").FillAsync(until);
        await household.Locator("#ConsentSharing").CheckAsync();
        await household.GetByRole(AriaRole.Button, new() { Name = "Partager le profil" }).ClickAsync();
        await Assertions.Expect(household.Locator("#partage-etat")).ToContainTextAsync("Partagé jusqu’au");
        var profileId = await app.WithDbAsync(db => db.SpouseProfiles.Where(p => p.CaseId == householdSteps.CaseId).Select(p => p.Id).SingleAsync());

        // The employer finds it by its domain and language, with nothing that names her, and asks.
        var partner = await _site.NewPageAsync();
        var partnerProblems = BrowserSteps.WatchForProblems(partner);
        await BrowserSteps.SignInAsync(partner, employer.Email!);
        await partner.GotoAsync("/espace-partenaire");
        await partner.GetByRole(AriaRole.Link, new() { Name = "Les profils de conjoints qui cherchent un emploi" }).ClickAsync();
        await partner.GetByLabel("Langue", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Anglais" });
        await partner.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await Assertions.Expect(partner.Locator($"#profil-{profileId}")).ToContainTextAsync("J1506");
        var listing = await partner.ContentAsync();
        Assert.DoesNotContain("Claire", listing, StringComparison.Ordinal);
        Assert.DoesNotContain("Martin", listing, StringComparison.Ordinal);
        Assert.DoesNotContain(householdSteps.User.Email!, listing, StringComparison.OrdinalIgnoreCase);
        await partner.GetByRole(AriaRole.Link, new() { Name = $"Voir le profil n° {profileId}" }).ClickAsync();
        await partner.GetByLabel("Votre message au ménage").FillAsync("Le centre hospitalier de Figeac recrute une infirmière de nuit.");
        await partner.GetByRole(AriaRole.Button, new() { Name = "Demander une mise en relation" }).ClickAsync();
        await Assertions.Expect(partner.GetByRole(AriaRole.Status)).ToContainTextAsync("Votre demande est envoyée");
        Assert.Equal(0, await partner.Locator("#contact-section").CountAsync());

        // The household is told, accepts from its space, and is told again.
        var asked = await _site.Mail.WaitForMessageAsync(householdSteps.User.Email!, where: m => (m.Subject ?? "").Contains("Un employeur aimerait vous rencontrer", StringComparison.Ordinal));
        Assert.Contains("infirmière de nuit", asked.TextBody, StringComparison.Ordinal);
        await household.GotoAsync("/mon-espace/conjoint");
        await household.GetByRole(AriaRole.Button, new() { Name = "Accepter la mise en relation" }).ClickAsync();
        await Assertions.Expect(household.GetByRole(AriaRole.Status)).ToContainTextAsync("l’employeur voit maintenant votre contact");
        await _site.Mail.WaitForMessageAsync(householdSteps.User.Email!, where: m => (m.Subject ?? "").Contains("Mise en relation acceptée", StringComparison.Ordinal));

        // Only now does the employer see the contact and download the CV.
        await partner.ReloadAsync();
        await Assertions.Expect(partner.Locator("#contact-nom")).ToHaveTextAsync("Claire Martin");
        await Assertions.Expect(partner.Locator("#contact-courriel")).ToHaveTextAsync(householdSteps.User.Email!);
        var download = await partner.RunAndWaitForDownloadAsync(() => partner.GetByRole(AriaRole.Link, new() { Name = "Télécharger le CV" }).ClickAsync());
        Assert.Equal("cv-claire.pdf", download.SuggestedFilename);
        Assert.Empty(problems);
        // Chromium reports a download as an aborted navigation: the only "failure" allowed is the CV's.
        Assert.DoesNotContain(partnerProblems, p => !p.Contains($"/espace-partenaire/profils-conjoints/{profileId}/cv (", StringComparison.Ordinal));
    }
}
