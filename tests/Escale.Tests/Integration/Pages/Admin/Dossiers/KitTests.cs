using System.Net;
using Escale.Core.Welcome;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Escale.Tests.Infrastructure.ReferentWelcomeSteps;

namespace Escale.Tests.Integration.Pages.Admin.Dossiers;

[Collection(AccountsCollection.Name)]
public sealed class KitTests(MailAppFixture fixture)
{
    [Theory, EveryDatabase]
    public async Task TheCasesReferent_OpensAndDownloadsTheHouseholdsKit_AndTheLookIsLogged(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app);
        var referent = app.CreateBrowserlessClient();
        await referent.SignInAsync(household.Referent.Email!, MailAppFixture.Password);

        var (response, page) = await referent.GetPageAsync($"/admin/dossiers/{household.CaseId}/kit");
        var pdf = await referent.GetAsync($"/admin/dossiers/{household.CaseId}/kit/pdf");
        var (_, caseFile) = await referent.GetPageAsync($"/admin/dossiers/{household.CaseId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(household.Referent.Email!, page.Text("#kit-contacts"), StringComparison.Ordinal);
        Assert.Contains("Collège Marcel Masbou", page.Text("#kit-ecoles-enfants"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.True(pdf.Headers.CacheControl!.NoStore);
        Assert.Contains("France services Cajarc", KitPdf.Read(await pdf.Content.ReadAsByteArrayAsync()).Text, StringComparison.Ordinal);
        Assert.NotNull(caseFile.QuerySelector($"a[href='/admin/dossiers/{household.CaseId}/kit/pdf']"));
        var actions = await app.WithDbAsync(db => db.CaseAccesses.Where(a => a.CaseId == household.CaseId && a.UserId == household.Referent.Id)
            .Select(a => a.Action).ToListAsync());
        Assert.Contains(CaseAccessAction.Exported, actions);
    }

    [Theory, EveryDatabase]
    public async Task AReferentOfAnotherIntercommunality_GetsNotFound(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var household = await SpaceWelcomeSteps.HouseholdAsync(app);
        var cahors = await SignedInReferentAsync(app, GrandCahors);

        Assert.Equal(HttpStatusCode.NotFound, (await cahors.Client.GetAsync($"/admin/dossiers/{household.CaseId}/kit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cahors.Client.GetAsync($"/admin/dossiers/{household.CaseId}/kit/pdf")).StatusCode);
    }
}
