using Escale.Core.Territories;
using Escale.Core.Welcome;
using Escale.Core.WelcomeNetworks;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Escale.Tests.Browser;

/// <summary>
/// The welcome services around one household, as it lives them: the Grand-Figeac couple (a nurse and an engineer, children
/// of 6 and 11) finds in its space the real schools of Figeac for each child, its referent and the France Services offices
/// in its kit, and downloads the kit as a PDF that names them; it shares the nurse's profile, an employer finds it without
/// a name and asks for an introduction, the household accepts and the employer sees the contact; it books temporary
/// housing for its arrival and a second, overlapping request is refused; it registers for the next newcomers' evening,
/// full, lands on the waiting list, and moves up when a registrant cancels. Real SMTP, real Chromium.
/// </summary>
public sealed class WelcomeServicesJourneyTests : IAsyncLifetime
{
    private MailBrowserApp _site = null!;

    public async Task InitializeAsync() => _site = await MailBrowserApp.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task GrandFigeacHousehold_FindsSchoolsAndKit_SharesTheNursesProfile_BooksHousing_AndMovesUpTheWaitingList()
    {
        var app = _site.App;
        var today = HousingSteps.Today;
        // The project names the month of arrival: the first day of the month after next (in the offer's free period).
        var arrival = new DateOnly(today.Year, today.Month, 1).AddMonths(2);
        var steps = await SpaceWelcomeSteps.HouseholdAsync(app, figeacId =>
        {
            var project = SpaceWelcomeSteps.NurseNearFigeac(figeacId);
            project.ArrivalOn = arrival;
            project.Housing = HousingNeeds.Temporary | HousingNeeds.Rent;
            return project;
        }, signIn: false);
        var email = steps.User.Email!;
        var (employer, _) = await PartnerSteps.PartnerAsync(app);
        var (_, providerId) = await PartnerSteps.PartnerAsync(app);
        var offerId = await HousingSteps.OfferAsync(app, providerId, "Meublé des Carmes", capacity: 4);
        var townHall = await NetworkSteps.StructureAsync(app, SpaceWelcomeSteps.FigeacInsee, WelcomeStructureKind.TownHall);
        var evening = await NetworkSteps.EventAsync(app, townHall.Id, capacity: 4);
        // Another newcomer has taken all four seats.
        var other = await MailAppFixture.CreateUserAsync(app, roles: Core.Identity.Roles.Newcomer);
        var registrant = await _site.NewPageAsync();
        await BrowserSteps.SignInAsync(registrant, other.Email!);
        await registrant.GotoAsync(Web.Pages.ReseauAccueil.NewcomerEventBooking.EventPath(evening.Id));
        await registrant.Locator("#Input_Persons").FillAsync("4");
        await registrant.GetByRole(AriaRole.Button, new() { Name = "M’inscrire" }).ClickAsync();
        await Assertions.Expect(registrant.Locator("#mon-inscription")).ToContainTextAsync("Votre inscription est confirmée pour 4 personnes.");

        // What the data says of Figeac and the Grand-Figeac.
        var figeac = await app.WithDbAsync(db => db.Communes.SingleAsync(c => c.InseeCode == SpaceWelcomeSteps.FigeacInsee));
        var figeacSchools = await app.WithDbAsync(db => db.TerritoryServices.AsNoTracking()
            .Where(s => s.Kind == TerritoryServiceKind.School && s.CommuneId == figeac.Id).ToListAsync());
        var elementary = figeacSchools.Where(s => s.SchoolLevels.HasFlag(SchoolLevels.Elementary)).Select(s => s.Name).ToList();
        var colleges = figeacSchools.Where(s => s.SchoolLevels.HasFlag(SchoolLevels.MiddleSchool)).Select(s => s.Name).ToList();
        Assert.NotEmpty(elementary);
        Assert.NotEmpty(colleges);
        var franceServices = await app.WithDbAsync(db => db.TerritoryServices.AsNoTracking()
            .Where(s => s.Kind == TerritoryServiceKind.FranceServices && db.Communes.Any(c => c.Id == s.CommuneId && c.IntercommunalityId == figeac.IntercommunalityId))
            .Select(s => s.Name).ToListAsync());
        Assert.NotEmpty(franceServices);

        // 1. Its space: for each child, the schools of the right level in Figeac, with their distance.
        var household = await _site.NewPageAsync();
        var problems = BrowserSteps.WatchForProblems(household);
        await BrowserSteps.SignInAsync(household, email);
        await household.GotoAsync("/mon-espace");
        var six = household.Locator("ul.child-schools[data-age='6'] li");
        var eleven = household.Locator("ul.child-schools[data-age='11'] li");
        Assert.Equal(elementary.Order(StringComparer.Ordinal), (await six.Locator("strong").AllTextContentsAsync()).Order(StringComparer.Ordinal));
        Assert.Equal(colleges.Order(StringComparer.Ordinal), (await eleven.Locator("strong").AllTextContentsAsync()).Order(StringComparer.Ordinal));
        Assert.All(await six.AllTextContentsAsync(), text => Assert.Matches(@"à \d+,\d km du centre de Figeac", text));

        // 2. Its kit: its referent and the France Services offices, then the same in the PDF it downloads.
        await household.GetByRole(AriaRole.Link, new() { Name = "Mon kit d’accueil" }).ClickAsync();
        var contacts = household.Locator("#kit-contacts");
        await Assertions.Expect(contacts).ToContainTextAsync(steps.Referent.Email!);
        foreach (var office in franceServices)
        {
            await Assertions.Expect(contacts).ToContainTextAsync(office);
        }
        await Assertions.Expect(household.Locator("#kit-soirees")).ToContainTextAsync(evening.Title);
        var download = await household.RunAndWaitForDownloadAsync(() => household.GetByRole(AriaRole.Link, new() { Name = "Télécharger mon kit en PDF" }).ClickAsync());
        var pdf = KitPdf.Read(await File.ReadAllBytesAsync((await download.PathAsync())!));
        Assert.True(pdf.Tagged);
        Assert.Equal("fr-FR", pdf.Language);
        Assert.Contains(steps.Referent.Email!, pdf.Text, StringComparison.Ordinal);
        Assert.All(franceServices, office => Assert.Contains(office, pdf.Text, StringComparison.Ordinal));
        Assert.All(elementary.Concat(colleges), school => Assert.Contains(school, pdf.Text, StringComparison.Ordinal));

        // 3. The nurse's profile, shared with employers for two months.
        await household.GotoAsync("/mon-espace");
        await household.GetByRole(AriaRole.Link, new() { Name = "Profil du conjoint" }).ClickAsync();
        await household.GetByLabel("Qui cherche un emploi ?").SelectOptionAsync(new SelectOptionValue { Label = "Claire" });
        await household.GetByLabel("Métier recherché").FillAsync("infirmier");
        await household.GetByRole(AriaRole.Button, new() { Name = "Chercher", Exact = true }).ClickAsync();
        await household.Locator("#rome-J1506").CheckAsync();
        await household.Locator("#Cv").SetInputFilesAsync(new FilePayload { Name = "cv-claire.pdf", MimeType = "application/pdf", Buffer = SpouseSteps.Pdf });
        await household.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le profil" }).ClickAsync();
        await Assertions.Expect(household.GetByRole(AriaRole.Status)).ToHaveTextAsync("Le profil est enregistré.");
        await household.GetByLabel("Partager jusqu’au").FillAsync(HousingSteps.Iso(today.AddMonths(2)));
        await household.Locator("#ConsentSharing").CheckAsync();
        await household.GetByRole(AriaRole.Button, new() { Name = "Partager le profil" }).ClickAsync();
        await Assertions.Expect(household.Locator("#partage-etat")).ToContainTextAsync("Partagé jusqu’au");
        var profileId = await app.WithDbAsync(db => db.SpouseProfiles.Where(p => p.CaseId == steps.CaseId).Select(p => p.Id).SingleAsync());

        // 4. An employer finds it without a name, and asks for an introduction.
        var partner = await _site.NewPageAsync();
        var partnerProblems = BrowserSteps.WatchForProblems(partner);
        await BrowserSteps.SignInAsync(partner, employer.Email!);
        await partner.GotoAsync("/espace-partenaire");
        await partner.GetByRole(AriaRole.Link, new() { Name = "Les profils de conjoints qui cherchent un emploi" }).ClickAsync();
        await Assertions.Expect(partner.Locator($"#profil-{profileId}")).ToContainTextAsync("J1506");
        var listing = await partner.ContentAsync();
        Assert.DoesNotContain("Claire", listing, StringComparison.Ordinal);
        Assert.DoesNotContain("Martin", listing, StringComparison.Ordinal);
        Assert.DoesNotContain(email, listing, StringComparison.OrdinalIgnoreCase);
        await partner.GetByRole(AriaRole.Link, new() { Name = $"Voir le profil n° {profileId}" }).ClickAsync();
        await partner.GetByLabel("Votre message au ménage").FillAsync("Le centre hospitalier recrute une infirmière.");
        await partner.GetByRole(AriaRole.Button, new() { Name = "Demander une mise en relation" }).ClickAsync();
        await Assertions.Expect(partner.GetByRole(AriaRole.Status)).ToContainTextAsync("Votre demande est envoyée");
        Assert.Equal(0, await partner.Locator("#contact-section").CountAsync());

        // 5. The household is told, accepts; only then does the employer see the contact.
        await _site.Mail.WaitForMessageAsync(email, where: m => (m.Subject ?? "").Contains("Un employeur aimerait vous rencontrer", StringComparison.Ordinal));
        await household.GotoAsync("/mon-espace/conjoint");
        await household.GetByRole(AriaRole.Button, new() { Name = "Accepter la mise en relation" }).ClickAsync();
        await _site.Mail.WaitForMessageAsync(email, where: m => (m.Subject ?? "").Contains("Mise en relation acceptée", StringComparison.Ordinal));
        await partner.ReloadAsync();
        await Assertions.Expect(partner.Locator("#contact-nom")).ToHaveTextAsync("Claire Martin");
        await Assertions.Expect(partner.Locator("#contact-courriel")).ToHaveTextAsync(email);

        // 6. Temporary housing free at its arrival is among its matches; it asks for a month from the arrival.
        await household.GotoAsync("/mon-espace");
        await household.Locator("#logement-propositions").GetByRole(AriaRole.Link, new() { Name = "Meublé des Carmes" }).ClickAsync();
        await household.Locator("#Input_ArrivalOn").FillAsync(HousingSteps.Iso(arrival));
        await household.Locator("#Input_DepartureOn").FillAsync(HousingSteps.Iso(arrival.AddDays(30)));
        await household.GetByRole(AriaRole.Button, new() { Name = "Demander ces dates" }).ClickAsync();
        await Assertions.Expect(household.GetByRole(AriaRole.Status)).ToContainTextAsync("Votre demande est envoyée");
        await Assertions.Expect(household.Locator("[id^='reservation-'][data-status='Requested']")).ToHaveCountAsync(1);
        await _site.Mail.WaitForMessageAsync(email, where: m => (m.Subject ?? "").Contains("Votre demande de logement temporaire est envoyée", StringComparison.Ordinal));

        // A second request over the same nights is refused beside the arrival date, the dates typed kept.
        await household.GotoAsync($"/mon-espace/logements/offre/{offerId}");
        await household.Locator("#Input_ArrivalOn").FillAsync(HousingSteps.Iso(arrival.AddDays(10)));
        await household.Locator("#Input_DepartureOn").FillAsync(HousingSteps.Iso(arrival.AddDays(20)));
        await household.GetByRole(AriaRole.Button, new() { Name = "Demander ces dates" }).ClickAsync();
        await Assertions.Expect(household.Locator("#erreur-arrivee")).ToContainTextAsync("Ces dates ne sont plus libres");
        await Assertions.Expect(household.Locator("#Input_ArrivalOn")).ToHaveValueAsync(HousingSteps.Iso(arrival.AddDays(10)));
        Assert.Equal(1, await app.WithDbAsync(db => db.HousingBookings.CountAsync(b => b.OfferId == offerId)));

        // 7. The next newcomers' evening is full: the household lands on the waiting list, and moves up when a registrant cancels.
        await household.GotoAsync("/mon-espace/evenements");
        await household.Locator("#soirees-a-venir").GetByRole(AriaRole.Link, new() { Name = evening.Title }).ClickAsync();
        await Assertions.Expect(household.Locator("#complet")).ToBeVisibleAsync();
        await household.Locator("#Input_Persons").FillAsync("4");
        await household.GetByRole(AriaRole.Button, new() { Name = "M’inscrire" }).ClickAsync();
        await Assertions.Expect(household.Locator("#mon-inscription")).ToContainTextAsync("liste d’attente (position 1)");
        await registrant.GetByRole(AriaRole.Button, new() { Name = "Annuler mon inscription" }).ClickAsync();
        await household.ReloadAsync();
        await Assertions.Expect(household.Locator("#mon-inscription")).ToContainTextAsync("Votre inscription est confirmée pour 4 personnes.");
        var promoted = await _site.Mail.WaitForMessageAsync(email, where: m => (m.TextBody ?? "").Contains("Des places se sont libérées", StringComparison.Ordinal));
        Assert.Contains(evening.Title, promoted.TextBody, StringComparison.Ordinal);

        Assert.DoesNotContain(problems, p => !p.Contains("/mon-espace/kit/pdf (", StringComparison.Ordinal));
        Assert.Empty(partnerProblems);
    }
}
