using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.Identity;
using Escale.Core.Opportunities;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Integration.Pages.EspacePartenaire;

[Collection(AccountsCollection.Name)]
public sealed class OffreTests(MailAppFixture fixture)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Theory, EveryDatabase]
    public async Task Submit_JobOpportunity_GoesToReview_WithPlaceAndRomeFacetsCopied(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var title = "Assembleur monteur " + Guid.NewGuid().ToString("N")[..6];
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var response = await partner.Client.SubmitAsync(await partner.NewOpportunityFormAsync(), PartnerSteps.JobFields(title, Today.AddMonths(2)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/espace-partenaire", response.Headers.Location!.OriginalString);
        var opportunity = await app.WithDbAsync(db => db.Opportunities.Include(o => o.Commune).SingleAsync(o => o.Title == title));
        Assert.Equal(OpportunityStatus.InReview, opportunity.Status);
        Assert.Equal(opportunity.Commune!.IntercommunalityId, opportunity.IntercommunalityId);
        Assert.Equal(opportunity.Commune.Latitude, opportunity.Latitude);
        Assert.Equal(("H29", "H"), (opportunity.RomeDomainCode, opportunity.RomeGrandDomainCode));
        Assert.Equal(OpportunitySource.Manual, opportunity.Source);
        Assert.Equal(partner.User.Id, opportunity.SubmittedByUserId);
        Assert.Equal(Core.Territories.Slug.From(title), opportunity.Slug);
        Assert.StartsWith("Job|atelier-test-", opportunity.DedupKey, StringComparison.Ordinal);
        Assert.EndsWith("|46042|Cdi", opportunity.DedupKey, StringComparison.Ordinal);
        Assert.True(opportunity.UpdatedAt >= before);
        var (_, dashboard) = await partner.Client.GetPageAsync("/espace-partenaire");
        Assert.Equal("En attente de validation", dashboard.Text($"tr[data-offer='{opportunity.Id}'] .offer-status"));
    }

    [Theory, EveryDatabase]
    public async Task Submit_WithStreetAddress_SavesIt_AndTheFormShowsItBack(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var title = "Ébéniste " + Guid.NewGuid().ToString("N")[..6];
        var fields = PartnerSteps.JobFields(title, Today.AddMonths(2));
        fields["Input.StreetAddress"] = "  3 place Jean-Jacques Chapou ";

        var response = await partner.Client.SubmitAsync(await partner.NewOpportunityFormAsync(), fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await app.WithDbAsync(db => db.Opportunities.AsNoTracking().SingleAsync(o => o.Title == title));
        Assert.Equal("3 place Jean-Jacques Chapou", saved.StreetAddress);
        var (_, form) = await partner.Client.GetPageAsync($"/espace-partenaire/offres/{saved.Id}");
        Assert.Equal("Adresse (rue et numéro)", form.Text("label[for='Input_StreetAddress']"));
        Assert.Equal("3 place Jean-Jacques Chapou", form.QuerySelector<IHtmlInputElement>("[name='Input.StreetAddress']")!.Value);
        // A takeover's address would name its seller, who stays anonymous.
        Assert.Null((await partner.NewOpportunityFormAsync(OpportunityKind.Takeover)).QuerySelector("[name='Input.StreetAddress']"));
    }

    [Fact]
    public async Task Submit_WithStreetAddressTooLong_ShowsTheLimitBesideIt()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var fields = PartnerSteps.JobFields("Adresse trop longue", Today.AddMonths(1));
        fields["Input.StreetAddress"] = new string('a', 201);

        var page = await Html.ParseAsync(await partner.Client.SubmitAsync(await partner.NewOpportunityFormAsync(), fields));

        Assert.Equal("L’adresse est trop longue (200 caractères au plus).", page.Text("span[data-valmsg-for='Input.StreetAddress']"));
    }

    [Fact]
    public async Task Submit_SameFormTwice_CreatesOneOpportunity()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var form = await partner.NewOpportunityFormAsync();
        var title = "Double envoi " + Guid.NewGuid().ToString("N")[..6];

        var responses = await Task.WhenAll(
            partner.Client.SubmitAsync(form, PartnerSteps.JobFields(title, Today.AddMonths(1))),
            partner.Client.SubmitAsync(form, PartnerSteps.JobFields(title, Today.AddMonths(1))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await app.WithDbAsync(db => db.Opportunities.CountAsync(o => o.Title == title)));
    }

    [Fact]
    public async Task Submit_WithSalaryMinAboveMax_ShowsErrorBesideTheField()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var fields = PartnerSteps.JobFields("Salaire inversé", Today.AddMonths(1));
        fields["Input.SalaryMin"] = "40000";
        fields["Input.SalaryMax"] = "30000";

        var response = await partner.Client.SubmitAsync(await partner.NewOpportunityFormAsync(), fields);
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Le salaire maximum doit être supérieur ou égal au salaire minimum.", page.Text("span[data-valmsg-for='Input.SalaryMax']"));
    }

    [Theory]
    [InlineData("Input.Commune", "Trifouilly-les-Oies", "Input.Commune")]
    [InlineData("Input.RomeCode", "Z9999", "Input.RomeCode")]
    [InlineData("Input.ExpiresOn", "2001-01-01", "Input.ExpiresOn")]
    [InlineData("Input.ApplyEmail", "", "Input.HowToApply")]
    public async Task Submit_WithInvalidValue_ShowsFrenchErrorBesideTheField(string field, string value, string errorFor)
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var fields = PartnerSteps.JobFields("Offre invalide", Today.AddMonths(1));
        fields[field] = value;

        var page = await Html.ParseAsync(await partner.Client.SubmitAsync(await partner.NewOpportunityFormAsync(), fields));

        Assert.NotEmpty(page.Text($"span[data-valmsg-for='{errorFor}']"));
    }

    [Theory, EveryDatabase]
    public async Task Submit_WithStartAfterExpiry_ShowsTheMessageBesideTheStartDate_AndKeepsNothing(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var title = "Dates inversées " + Guid.NewGuid().ToString("N")[..6];
        var fields = PartnerSteps.JobFields(title, Today.AddMonths(1));
        fields["Input.StartDate"] = PartnerSteps.ImportDate(Today.AddMonths(2));

        var response = await partner.Client.SubmitAsync(await partner.NewOpportunityFormAsync(), fields);
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ne peut pas être après l’expiration de l’offre", page.Text("span[data-valmsg-for='Input.StartDate']"), StringComparison.Ordinal);
        Assert.Equal(PartnerSteps.ImportDate(Today.AddMonths(2)), page.QuerySelector<IHtmlInputElement>("input[name='Input.StartDate']")!.Value);
        Assert.False(await app.WithDbAsync(db => db.Opportunities.AnyAsync(o => o.Title == title)));
    }

    [Fact]
    public async Task Submit_WithStartLongPast_ShowsTheToleranceBesideTheStartDate()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var fields = PartnerSteps.JobFields("Prise de poste ancienne", Today.AddMonths(1));
        fields["Input.StartDate"] = PartnerSteps.ImportDate(Today.AddDays(-OpportunityDates.StartToleranceDays - 1));

        var page = await Html.ParseAsync(await partner.Client.SubmitAsync(await partner.NewOpportunityFormAsync(), fields));

        Assert.Contains($"passée de plus de {OpportunityDates.StartToleranceDays} jours", page.Text("span[data-valmsg-for='Input.StartDate']"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_WithExpiryBeyondTheMaximum_ShowsTheLatestDateBesideTheExpiry()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var latest = OpportunityDates.LatestExpiry(Today);
        var fields = PartnerSteps.JobFields("Offre trop longue", latest.AddDays(1));

        var page = await Html.ParseAsync(await partner.Client.SubmitAsync(await partner.NewOpportunityFormAsync(), fields));

        var message = page.Text("span[data-valmsg-for='Input.ExpiresOn']");
        Assert.Contains($"{OpportunityDates.MaxMonthsOnline} mois au plus après sa publication", message, StringComparison.Ordinal);
        Assert.Contains(latest.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveDraft_WithoutRomeCode_KeepsADraft()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var title = "Brouillon " + Guid.NewGuid().ToString("N")[..6];
        var fields = PartnerSteps.JobFields(title, Today.AddMonths(1));
        fields["Input.RomeCode"] = "";
        fields["Input.Action"] = "brouillon";

        await partner.Client.SubmitAsync(await partner.NewOpportunityFormAsync(), fields);

        Assert.Equal(OpportunityStatus.Draft, await app.WithDbAsync(db => db.Opportunities.Where(o => o.Title == title).Select(o => o.Status).SingleAsync()));
    }

    [Theory, EveryDatabase]
    public async Task Edit_PublishedOpportunity_StaysOnlineAsApproved_AndTheFormShowsTheEditWaiting(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var partner = await PartnerSteps.SignedInPartnerAsync(app);
        var word = "zq" + Guid.NewGuid().ToString("N")[..8];
        var opportunity = await PartnerSteps.OpportunityAsync(app, partner.OrganisationId, "Publiée " + word, submittedBy: partner.User.Id);

        var (_, page) = await partner.Client.GetPageAsync($"/espace-partenaire/offres/{opportunity.Id}");
        var fields = PartnerSteps.JobFields("Modifiée " + word, Today.AddMonths(1));
        var response = await partner.Client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("main form")!, fields);
        var (_, again) = await partner.Client.GetPageAsync($"/espace-partenaire/offres/{opportunity.Id}");
        // A second edit before the decision replaces the first: one edit waits, the latest.
        fields["Input.Title"] = "Remodifiée " + word;
        await partner.Client.SubmitAsync(again.QuerySelector<IHtmlFormElement>("main form")!, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("la version publiée reste en ligne", page.Text("#republication"), StringComparison.Ordinal);
        Assert.Contains("attend la validation", again.Text("#modification-en-attente"), StringComparison.Ordinal);
        Assert.Equal("Modifiée " + word, again.QuerySelector<IHtmlInputElement>("[name='Input.Title']")!.Value);
        var saved = await app.WithDbAsync(db => db.Opportunities.AsNoTracking().SingleAsync(o => o.Id == opportunity.Id));
        Assert.Equal((OpportunityStatus.Published, "Publiée " + word), (saved.Status, saved.Title));
        var edits = await app.WithDbAsync(db => db.PendingEdits.AsNoTracking().Where(e => e.OpportunityId == opportunity.Id).ToListAsync());
        Assert.Equal("Remodifiée " + word, Assert.Single(edits).Fields.Title);
        var (_, search) = await app.CreateBrowserlessClient().GetPageAsync("/offres?q=" + word);
        Assert.Contains("Publiée " + word, search.Text("#resultats"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherPartnersOpportunity_IsNotFound_OnGetAndPost()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var owner = await PartnerSteps.SignedInPartnerAsync(app);
        var intruder = await PartnerSteps.SignedInPartnerAsync(app);
        var opportunity = await PartnerSteps.OpportunityAsync(app, owner.OrganisationId, "Offre d’un autre");
        var ownForm = await intruder.NewOpportunityFormAsync();

        var get = await intruder.Client.GetAsync(new Uri($"/espace-partenaire/offres/{opportunity.Id}", UriKind.Relative));
        var post = await intruder.Client.PostAsync($"/espace-partenaire/offres/{opportunity.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = ownForm.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value,
            ["Input.Title"] = "Volée",
        }));
        var withdraw = await intruder.Client.PostAsync($"/espace-partenaire?handler=Retirer&id={opportunity.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = ownForm.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value,
        }));
        var newInOthersOrganisation = await intruder.Client.GetAsync(new Uri($"/espace-partenaire/offres?organisation={owner.OrganisationId}&type=Job", UriKind.Relative));
        var organisation = await intruder.Client.GetAsync(new Uri($"/espace-partenaire/organisations/{owner.OrganisationId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, withdraw.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, newInOthersOrganisation.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, organisation.StatusCode);
        Assert.Equal((OpportunityStatus.Published, "Offre d’un autre"), await app.WithDbAsync(db => db.Opportunities.Where(o => o.Id == opportunity.Id).Select(o => ValueTuple.Create(o.Status, o.Title)).SingleAsync()));
    }
}
