using System.Net;
using AngleSharp.Dom;
using Escale.Core.Calls;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Escale.Tests.Infrastructure.ApplicationSteps;
using static Escale.Tests.Infrastructure.NetworkSteps;

namespace Escale.Tests.Integration.Pages.Candidatures;

[Collection(ApplicationsCollection.Name)]
public sealed class CandidatureTests(ApplicationAppFixture fixture)
{
    private static readonly FieldSpec[] Form =
    [
        new("Décrivez votre projet", CallFieldType.LongText, Required: true),
        new("Budget prévu", CallFieldType.Number),
        new("Votre dossier", CallFieldType.File),
        new("Déjà accompagné ?", CallFieldType.YesNo),
    ];

    private static async Task<(EscaleAppFactory App, CallForProjects Call, SignedInPerson Lead, int Id, Dictionary<string, int> Fields)> DraftAsync(
        ApplicationAppFixture fixture, DatabaseProvider provider, TimeSpan? closesIn = null)
    {
        var app = await fixture.AppAsync(provider);
        var now = fixture.Clock.GetUtcNow();
        var call = await CallAsync(app, now, closesIn: closesIn, fields: Form);
        var lead = await SignedInAsync(app);
        var id = await StartedAsync(lead.Client, call, BornYearsAgo(now, 20));
        var fields = call.Fields.ToDictionary(f => f.Label, f => f.Id);
        return (app, call, lead, id, fields);
    }

    private static string Key(int fieldId) => $"Answers[{fieldId}]";

    [Theory, EveryDatabase]
    public async Task SaveDraft_WithoutTheRequiredAnswers_IsSaved(DatabaseProvider provider)
    {
        var (app, _, lead, id, fields) = await DraftAsync(fixture, provider);

        var response = await PressAsync(lead.Client, id, "enregistrer", new Dictionary<string, string>
        {
            [Key(fields["Budget prévu"])] = "1 500,50", [Key(fields["Déjà accompagné ?"])] = "false",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var application = await ApplicationAsync(app, id);
        Assert.Equal(ApplicationStatus.Draft, application.Status);
        Assert.Equal("1500.50", application.Answers.Single(a => a.FieldId == fields["Budget prévu"]).Value);
        Assert.Equal("false", application.Answers.Single(a => a.FieldId == fields["Déjà accompagné ?"]).Value);
        var (_, page) = await lead.Client.GetPageAsync(ApplicationPath(id));
        Assert.Contains("brouillon est enregistré", page.Text(".status-message"), StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task Send_WithAMissingRequiredAnswer_ListsItBesideTheField_AndDoesNotSend(DatabaseProvider provider)
    {
        var (app, _, lead, id, fields) = await DraftAsync(fixture, provider);

        var response = await PressAsync(lead.Client, id, "envoyer", new Dictionary<string, string> { [Key(fields["Budget prévu"])] = "300" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("« Décrivez votre projet » est obligatoire", page.Text($"#champ-{fields["Décrivez votre projet"]}-erreur"), StringComparison.Ordinal);
        var application = await ApplicationAsync(app, id);
        Assert.Equal(ApplicationStatus.Draft, application.Status);
        Assert.Equal("300", application.Answers.Single(a => a.FieldId == fields["Budget prévu"]).Value);
    }

    [Theory, EveryDatabase]
    public async Task Save_WithAFileOfTheWrongType_IsRefusedBesideTheField_AndNothingIsSaved(DatabaseProvider provider)
    {
        var (app, _, lead, id, fields) = await DraftAsync(fixture, provider);

        var response = await PressAsync(lead.Client, id, "enregistrer",
            new Dictionary<string, string> { [Key(fields["Budget prévu"])] = "42" },
            new Dictionary<string, (string, byte[])> { [$"fichier-{fields["Votre dossier"]}"] = ("dossier.pdf", "ceci est du texte, pas un PDF"u8.ToArray()) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("ni un PDF", page.Text($"#champ-{fields["Votre dossier"]}-erreur"), StringComparison.Ordinal);
        var application = await ApplicationAsync(app, id);
        Assert.Empty(application.Answers);
    }

    [Theory, EveryDatabase]
    public async Task Send_WithEveryAnswerAndAPdf_IsSubmitted_AndTheFileIsDownloadedByTheLeadOnly(DatabaseProvider provider)
    {
        var (app, _, lead, id, fields) = await DraftAsync(fixture, provider);
        var stranger = await SignedInAsync(app);

        var response = await PressAsync(lead.Client, id, "envoyer",
            new Dictionary<string, string> { [Key(fields["Décrivez votre projet"])] = "Un lieu ouvert aux jeunes du canton." },
            new Dictionary<string, (string, byte[])> { [$"fichier-{fields["Votre dossier"]}"] = ("dossier.pdf", Pdf) });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var application = await ApplicationAsync(app, id);
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Equal("dossier.pdf", application.Answers.Single(a => a.FieldId == fields["Votre dossier"]).File!.FileName);
        var receipt = await fixture.Mail.WaitForMessageAsync(lead.User.Email!);
        Assert.StartsWith("Candidature envoyée", receipt.Subject ?? "", StringComparison.Ordinal);
        var file = await lead.Client.GetAsync(new Uri($"{ApplicationPath(id)}?handler=fichier&fieldId={fields["Votre dossier"]}", UriKind.Relative));
        Assert.Equal("application/pdf", file.Content.Headers.ContentType!.MediaType);
        Assert.True(file.Headers.CacheControl!.NoStore);
        var forged = await stranger.Client.GetAsync(new Uri($"{ApplicationPath(id)}?handler=fichier&fieldId={fields["Votre dossier"]}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
    }

    [Theory, EveryDatabase]
    public async Task MyApplications_ListsTheLeadsApplication_WithItsStatus(DatabaseProvider provider)
    {
        var (app, call, lead, _, _) = await DraftAsync(fixture, provider);
        var stranger = await SignedInAsync(app);

        var (_, mine) = await lead.Client.GetPageAsync("/candidatures");
        var (_, theirs) = await stranger.Client.GetPageAsync("/candidatures");

        Assert.Contains(call.Title, mine.Text("#mes-candidatures"), StringComparison.Ordinal);
        Assert.Equal("Brouillon", mine.Text("#mes-candidatures .statut"));
        Assert.NotNull(theirs.QuerySelector("#aucune-candidature"));
    }

    [Theory, EveryDatabase]
    public async Task AnotherPerson_GetsNotFound(DatabaseProvider provider)
    {
        var (app, _, _, id, _) = await DraftAsync(fixture, provider);
        var stranger = await SignedInAsync(app);

        var page = await stranger.Client.GetAsync(new Uri(ApplicationPath(id), UriKind.Relative));
        var team = await stranger.Client.GetAsync(new Uri(ApplicationPath(id) + "/equipe", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, team.StatusCode);
    }

    [Theory, EveryDatabase]
    public async Task Send_AfterTheDeadline_IsRefused_AndNothingChanges(DatabaseProvider provider)
    {
        var (app, _, lead, id, fields) = await DraftAsync(fixture, provider, closesIn: TimeSpan.FromHours(1));
        var (_, before) = await lead.Client.GetPageAsync(ApplicationPath(id));
        var form = before.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("#formulaire")!;
        fixture.Clock.Advance(TimeSpan.FromHours(2));

        var response = await lead.Client.PostAsync(new Uri(ApplicationPath(id) + "?handler=Envoyer", UriKind.Relative), new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = form.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value,
                [Key(fields["Décrivez votre projet"])] = "Trop tard.",
            }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("date limite de cet appel est passée", page.Text("#problemes"), StringComparison.Ordinal);
        var application = await ApplicationAsync(app, id);
        Assert.Equal(ApplicationStatus.Draft, application.Status);
        Assert.Empty(application.Answers);
        Assert.Null(page.QuerySelector("#formulaire"));
    }

    [Theory, EveryDatabase]
    public async Task Withdraw_BeforeTheDeadline_Works_AndAfterItIsRefused(DatabaseProvider provider)
    {
        var (app, _, lead, id, _) = await DraftAsync(fixture, provider, closesIn: TimeSpan.FromHours(1));
        var (other, _, otherLead, otherId, _) = await DraftAsync(fixture, provider, closesIn: TimeSpan.FromHours(1));

        var withdrawn = await PostFormAsync(lead.Client, ApplicationPath(id), "form[action*='handler=Retirer']");
        var (_, lateForm) = await otherLead.Client.GetPageAsync(ApplicationPath(otherId));
        var late = lateForm.QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>("form[action*='handler=Retirer']")!;
        fixture.Clock.Advance(TimeSpan.FromHours(2));
        var refused = await otherLead.Client.SubmitAsync(late, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal(ApplicationStatus.Withdrawn, (await ApplicationAsync(app, id)).Status);
        var told = await fixture.Mail.WaitForMessageAsync(lead.User.Email!, where: m => (m.Subject ?? "").StartsWith("Candidature retirée", StringComparison.Ordinal));
        Assert.NotNull(told);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("date limite est passée", (await Html.ParseAsync(refused)).Text("#problemes"), StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Draft, (await ApplicationAsync(other, otherId)).Status);
    }
}
