using System.Net;
using AngleSharp.Dom;
using Escale.Core.Calls;
using Escale.Core.Identity;
using Escale.Tests.Infrastructure;
using static Escale.Tests.Infrastructure.ApplicationSteps;
using static Escale.Tests.Infrastructure.NetworkSteps;

namespace Escale.Tests.Integration.Pages.Admin.Appels.Candidatures;

[Collection(ApplicationsCollection.Name)]
public sealed class DetailTests(ApplicationAppFixture fixture)
{
    [Theory, EveryDatabase]
    public async Task Ineligible_WithAReason_TellsEveryMemberTheReason_AndWithoutOneIsRefused(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var now = fixture.Clock.GetUtcNow();
        var call = await CallAsync(app, now, fields: new FieldSpec("Nom de l’établissement", CallFieldType.ShortText, Visibility: FieldVisibility.HiddenFromJury));
        var lead = await SignedInAsync(app);
        var id = await StartedAsync(lead.Client, call, BornYearsAgo(now, 20));
        await PressAsync(lead.Client, id, "envoyer", new Dictionary<string, string> { [$"Answers[{call.Fields[0].Id}]"] = "Lycée Champollion" });
        var team = await SignedInAsync(app, Roles.Editor);
        var path = $"/admin/appels/{call.Id}/candidatures/{id}";

        var (_, list) = await team.Client.GetPageAsync($"/admin/appels/{call.Id}/candidatures");
        var (_, detail) = await team.Client.GetPageAsync(path);
        var withoutReason = await PostFormAsync(team.Client, path, "#recevabilite", new Dictionary<string, string> { ["Decision.Eligible"] = "false" });
        var decided = await PostFormAsync(team.Client, path, "#recevabilite",
            new Dictionary<string, string> { ["Decision.Eligible"] = "false", ["Decision.Reason"] = "Le projet ne se situe pas dans le Lot." });

        Assert.Contains("Un tiers-lieu pour les jeunes", list.Text("#candidatures"), StringComparison.Ordinal);
        Assert.Contains("Lycée Champollion", detail.Text("#reponses"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, withoutReason.StatusCode);
        Assert.Contains("Indiquez pourquoi", (await Html.ParseAsync(withoutReason)).Text("[data-valmsg-for='Decision.Reason']"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        var application = await ApplicationAsync(app, id);
        Assert.Equal(ApplicationStatus.Ineligible, application.Status);
        var told = await fixture.Mail.WaitForMessageAsync(lead.User.Email!, where: m => (m.Subject ?? "").StartsWith("Candidature non recevable", StringComparison.Ordinal));
        Assert.Contains("Le projet ne se situe pas dans le Lot.", told.TextBody ?? "", StringComparison.Ordinal);
        var (_, mine) = await lead.Client.GetPageAsync(ApplicationPath(id));
        Assert.Equal("Le projet ne se situe pas dans le Lot.", mine.Text("#candidature-motif"));
    }

    [Theory, EveryDatabase]
    public async Task ApplicationsOfACall_AreClosedToAnApplicantAndAJuror(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var call = await CallAsync(app, fixture.Clock.GetUtcNow());
        var applicant = await SignedInAsync(app);
        var juror = await SignedInAsync(app, Roles.Jury);

        var byApplicant = await applicant.Client.GetAsync(new Uri($"/admin/appels/{call.Id}/candidatures", UriKind.Relative));
        var byJuror = await juror.Client.GetAsync(new Uri($"/admin/appels/{call.Id}/candidatures", UriKind.Relative));

        Assert.NotEqual(HttpStatusCode.OK, byApplicant.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, byJuror.StatusCode);
    }
}
