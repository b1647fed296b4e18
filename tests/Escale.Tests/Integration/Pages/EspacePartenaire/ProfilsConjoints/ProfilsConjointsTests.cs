using System.Net;
using AngleSharp.Dom;
using Escale.Core.Welcome;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Integration.Pages.EspacePartenaire.ProfilsConjoints;

[Collection(AccountsCollection.Name)]
public sealed class ProfilsConjointsTests(MailAppFixture fixture)
{
    private static DateOnly InDays(int days) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days);

    [Theory, EveryDatabase]
    public async Task Search_ShowsOnlySharedUnexpiredProfiles_AndNothingThatNamesThePerson(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var shared = await SpaceWelcomeSteps.HouseholdAsync(app);
        var notShared = await SpaceWelcomeSteps.HouseholdAsync(app);
        var expired = await SpaceWelcomeSteps.HouseholdAsync(app);
        var sharedId = await SpouseSteps.SharedProfileAsync(app, shared, InDays(30));
        var notSharedId = await SpouseSteps.SharedProfileAsync(app, notShared, null);
        var expiredId = await SpouseSteps.SharedProfileAsync(app, expired, InDays(-1));
        var partner = await PartnerSteps.SignedInPartnerAsync(app);

        var (response, page) = await partner.Client.GetPageAsync("/espace-partenaire/profils-conjoints?domaine=J15&langue=en");
        var html = page.DocumentElement.OuterHtml;
        var (detail, detailPage) = await partner.Client.GetPageAsync($"/espace-partenaire/profils-conjoints/{sharedId}");
        var hidden = await partner.Client.GetAsync(new Uri($"/espace-partenaire/profils-conjoints/{notSharedId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector($"#profil-{sharedId}"));
        Assert.Null(page.QuerySelector($"#profil-{notSharedId}"));
        Assert.Null(page.QuerySelector($"#profil-{expiredId}"));
        Assert.Contains("J1506", page.Text($"#profil-{sharedId} .profil-metier"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        foreach (var identifying in new[] { "Martin", "Claire", shared.User.Email!, "06 12 34 56 78", SpouseSteps.Presentation, "cv.pdf" })
        {
            Assert.DoesNotContain(identifying, html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(identifying, detailPage.DocumentElement.OuterHtml, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory, EveryDatabase]
    public async Task Search_FiltersByLanguage(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app);
        var id = await SpouseSteps.SharedProfileAsync(app, household, InDays(30));
        var partner = await PartnerSteps.SignedInPartnerAsync(app);

        var (_, german) = await partner.Client.GetPageAsync("/espace-partenaire/profils-conjoints?langue=de");

        Assert.Null(german.QuerySelector($"#profil-{id}"));
    }

    [Theory, EveryDatabase]
    public async Task AskingTwice_MakesOneRequest_ToldToTheHouseholdAndItsReferent(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app);
        var id = await SpouseSteps.SharedProfileAsync(app, household, InDays(30));
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var (_, page) = await partner.Client.GetPageAsync($"/espace-partenaire/profils-conjoints/{id}");
        var form = page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("main form[method=post]")!;

        var first = await partner.Client.SubmitAsync(form, new Dictionary<string, string> { ["Message"] = "Poste d’infirmière de nuit." });
        var second = await partner.Client.SubmitAsync(form, new Dictionary<string, string> { ["Message"] = "Poste d’infirmière de nuit." });
        var toHousehold = await fixture.Mail.WaitForMessageAsync(household.User.Email!, where: m => (m.Subject ?? "").Contains("Un employeur aimerait vous rencontrer", StringComparison.Ordinal));
        var toReferent = await fixture.Mail.WaitForMessageAsync(household.Referent.Email!, where: m => (m.Subject ?? "").Contains("Un employeur demande une mise en relation", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(1, await SpouseSteps.IntroductionCountAsync(app, id));
        Assert.Equal(1, await app.WithDbAsync(db => db.CaseEvents.CountAsync(e => e.CaseId == household.CaseId && e.Kind == CaseEventKind.SpouseIntroductionRequested)));
        Assert.Contains("Poste d’infirmière de nuit.", toHousehold.TextBody, StringComparison.Ordinal);
        Assert.Contains("/mon-espace/conjoint", toHousehold.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/admin/dossiers/{household.CaseId}", toReferent.TextBody, StringComparison.Ordinal);
        var referent = app.CreateBrowserlessClient();
        await referent.SignInAsync(household.Referent.Email!, MailAppFixture.Password);
        var (_, casePage) = await referent.GetPageAsync($"/admin/dossiers/{household.CaseId}");
        Assert.Contains("Poste d’infirmière de nuit.", casePage.Text("#conjoint-section"), StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task Contact_IsHiddenBeforeAcceptance_AndShownAfter_ToThatEmployerOnly(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app);
        var id = await SpouseSteps.SharedProfileAsync(app, household, InDays(30));
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var other = await PartnerSteps.SignedInPartnerAsync(app);
        await SpouseSteps.AskAsync(partner, id);

        var (_, before) = await partner.Client.GetPageAsync($"/espace-partenaire/profils-conjoints/{id}");
        var cvBefore = await partner.Client.GetAsync(new Uri($"/espace-partenaire/profils-conjoints/{id}/cv", UriKind.Relative));
        var accepted = await SpouseSteps.AnswerAsync(household.Client, accept: true);
        var toHousehold = await fixture.Mail.WaitForMessageAsync(household.User.Email!, where: m => (m.Subject ?? "").Contains("Mise en relation acceptée", StringComparison.Ordinal));
        var toEmployer = await fixture.Mail.WaitForMessageAsync(partner.User.Email!, where: m => (m.Subject ?? "").Contains("acceptée", StringComparison.Ordinal));
        var (_, after) = await partner.Client.GetPageAsync($"/espace-partenaire/profils-conjoints/{id}");
        var cv = await partner.Client.GetAsync(new Uri($"/espace-partenaire/profils-conjoints/{id}/cv", UriKind.Relative));
        var (_, otherPage) = await other.Client.GetPageAsync($"/espace-partenaire/profils-conjoints/{id}");
        var otherCv = await other.Client.GetAsync(new Uri($"/espace-partenaire/profils-conjoints/{id}/cv", UriKind.Relative));

        Assert.Null(before.QuerySelector("#contact-section"));
        Assert.DoesNotContain(household.User.Email!, before.DocumentElement.OuterHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, cvBefore.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Contains("/mon-espace/conjoint", toHousehold.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/espace-partenaire/profils-conjoints/{id}", toEmployer.TextBody, StringComparison.Ordinal);
        Assert.Equal("Claire Martin", after.Text("#contact-nom"));
        Assert.Equal(household.User.Email, after.Text("#contact-courriel"));
        Assert.Equal("06 12 34 56 78", after.Text("#contact-telephone"));
        Assert.Equal(HttpStatusCode.OK, cv.StatusCode);
        Assert.Equal(SpouseSteps.Pdf, await cv.Content.ReadAsByteArrayAsync());
        Assert.Contains("no-store", cv.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Null(otherPage.QuerySelector("#contact-section"));
        Assert.DoesNotContain("Claire", otherPage.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, otherCv.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.CaseEvents.CountAsync(e => e.CaseId == household.CaseId && e.Kind == CaseEventKind.SpouseIntroductionAccepted)));
    }

    [Theory, EveryDatabase]
    public async Task Refusal_KeepsTheContactHidden_AndIsToldToTheHousehold(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app);
        var id = await SpouseSteps.SharedProfileAsync(app, household, InDays(30));
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        await SpouseSteps.AskAsync(partner, id);

        await SpouseSteps.AnswerAsync(household.Client, accept: false);
        var toHousehold = await fixture.Mail.WaitForMessageAsync(household.User.Email!, where: m => (m.Subject ?? "").Contains("Mise en relation refusée", StringComparison.Ordinal));
        var (_, page) = await partner.Client.GetPageAsync($"/espace-partenaire/profils-conjoints/{id}");
        var cv = await partner.Client.GetAsync(new Uri($"/espace-partenaire/profils-conjoints/{id}/cv", UriKind.Relative));

        Assert.Contains("rien ne lui est transmis", toHousehold.TextBody, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#contact-section"));
        Assert.Contains("Refusée", page.Text("#statut"), StringComparison.Ordinal);
        Assert.DoesNotContain("Claire", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, cv.StatusCode);
    }

    [Theory, EveryDatabase]
    public async Task StoppingSharing_HidesTheProfile_ButAnAcceptedEmployerKeepsTheContact(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app);
        var id = await SpouseSteps.SharedProfileAsync(app, household, InDays(30));
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var other = await PartnerSteps.SignedInPartnerAsync(app);
        await SpouseSteps.AskAsync(partner, id);
        await SpouseSteps.AnswerAsync(household.Client, accept: true);

        var (_, space) = await household.Client.GetPageAsync("/mon-espace/conjoint");
        await household.Client.SubmitAsync(space.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form[action*='StopSharing']")!, new Dictionary<string, string>());
        var (_, search) = await other.Client.GetPageAsync("/espace-partenaire/profils-conjoints");
        var otherDetail = await other.Client.GetAsync(new Uri($"/espace-partenaire/profils-conjoints/{id}", UriKind.Relative));
        var (_, kept) = await partner.Client.GetPageAsync($"/espace-partenaire/profils-conjoints/{id}");

        Assert.Null(search.QuerySelector($"#profil-{id}"));
        Assert.Equal(HttpStatusCode.NotFound, otherDetail.StatusCode);
        Assert.Equal("Claire Martin", kept.Text("#contact-nom"));
        Assert.Equal(1, await app.WithDbAsync(db => db.CaseEvents.CountAsync(e => e.CaseId == household.CaseId && e.Kind == CaseEventKind.SpouseProfileSharingStopped)));
    }

    [Theory, EveryDatabase]
    public async Task Household_CannotAnswerAnotherHouseholdsRequest(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app);
        var stranger = await SpaceWelcomeSteps.HouseholdAsync(app);
        var id = await SpouseSteps.SharedProfileAsync(app, household, InDays(30));
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        await SpouseSteps.AskAsync(partner, id);
        var (_, page) = await household.Client.GetPageAsync("/mon-espace/conjoint");
        var form = page.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("#demandes-section form[action*='Accept']")!;
        var (_, strangerPage) = await stranger.Client.GetPageAsync("/mon-espace/conjoint");
        var token = strangerPage.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("main form input[name=__RequestVerificationToken]")!.Value;

        var response = await stranger.Client.PostAsync(new Uri(Html.ActionOf(form).PathAndQuery, UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(IntroductionStatus.Pending, await app.WithDbAsync(db => db.SpouseIntroductions.Where(i => i.SpouseProfileId == id).Select(i => i.Status).SingleAsync()));
    }
}
