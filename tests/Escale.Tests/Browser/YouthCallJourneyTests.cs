using System.Globalization;
using Escale.Core.Calls;
using Escale.Core.Identity;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Escale.Tests.Browser;

/// <summary>
/// A youth call from its building to its laureate's follow-up, as its people live it: the team builds the call with a
/// public, a private and a jury-hidden question; a 14-year-old applies as the lead of a team of three, and the
/// application waits for their guardian's consent, given through the e-mailed link; three jurors evaluate, one declares a
/// conflict and is left out of the average, none ever sees the hidden answer; the results are published, the team is
/// told, a follow-up file is opened with a milestone, and the laureates' page shows the public answer only. Real SMTP,
/// real Chromium.
/// </summary>
public sealed class YouthCallJourneyTests : IAsyncLifetime
{
    private const string PublicAnswer = "Un jardin partagé sur le toit du collège";
    private const string PrivateAnswer = "1450";
    private const string HiddenAnswer = "Collège Olivier de Magny";

    private MailBrowserApp _site = null!;

    public async Task InitializeAsync() => _site = await MailBrowserApp.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task YouthCall_MinorLeadsATeam_GuardianConsents_JuryEvaluatesWithARecusal_ResultsAndFollowUp()
    {
        var app = _site.App;
        var tag = Guid.NewGuid().ToString("N")[..6];
        var organiser = await MailAppFixture.CreateUserAsync(app, true, Roles.Editor);
        var lead = await MailAppFixture.CreateUserAsync(app, true, Roles.Newcomer);
        var second = await MailAppFixture.CreateUserAsync(app, true, Roles.Newcomer);
        var third = await MailAppFixture.CreateUserAsync(app, true, Roles.Newcomer);
        var jurors = new[]
        {
            await MailAppFixture.CreateUserAsync(app, true, Roles.Jury),
            await MailAppFixture.CreateUserAsync(app, true, Roles.Jury),
            await MailAppFixture.CreateUserAsync(app, true, Roles.Jury),
        };
        var guardianEmail = $"parent-{tag}@example.org";
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var nowInParis = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, paris);
        var today = DateOnly.FromDateTime(nowInParis.DateTime);
        string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, paris).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

        // 1. The team builds the call: youth 11–25, teams of up to three, three questions, a grid, three jurors.
        var team = await _site.NewPageAsync();
        var teamProblems = BrowserSteps.WatchForProblems(team);
        await BrowserSteps.SignInAsync(team, organiser.Email!);
        await team.GotoAsync("/admin/appels/edition");
        var title = $"Jeunes pousses {tag}";
        await team.Locator("#Input_Title").FillAsync(title);
        await team.Locator("#Input_Summary").FillAsync("Un appel pour les projets que les jeunes portent sur leur territoire.");
        await team.Locator("#Input_Audience").SelectOptionAsync(nameof(CallAudience.Youth));
        await team.Locator("#Input_MinAge").FillAsync("11");
        await team.Locator("#Input_MaxAge").FillAsync("25");
        await team.Locator("#Input_MinTeamSize").FillAsync("1");
        await team.Locator("#Input_MaxTeamSize").FillAsync("3");
        await team.Locator("#Input_OpensAt").FillAsync(Local(DateTimeOffset.UtcNow.AddDays(-1)));
        await team.Locator("#Input_ClosesAt").FillAsync(Local(DateTimeOffset.UtcNow.AddDays(20)));
        await team.GetByRole(AriaRole.Button, new() { Name = "Créer l’appel" }).ClickAsync();
        await team.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, @"/admin/appels/edition/\d+$"));
        var call = await app.WithDbAsync(db => db.Calls.AsNoTracking().SingleAsync(c => c.Title == title));
        var callPath = $"/admin/appels/{call.Id}";

        async Task AddQuestionAsync(string label, CallFieldType type, FieldVisibility visibility, bool required)
        {
            await team.GotoAsync(callPath + "/formulaire");
            var form = team.Locator("section[aria-labelledby=nouvelle-question] form");
            await form.Locator("#qnew-label").FillAsync(label);
            await form.Locator("#qnew-type").SelectOptionAsync(type.ToString());
            await form.Locator("#qnew-visibility").SelectOptionAsync(visibility.ToString());
            if (required)
            {
                await form.Locator("input[name='Input.Required']").CheckAsync();
            }
            await form.GetByRole(AriaRole.Button, new() { Name = "Ajouter la question" }).ClickAsync();
            await Assertions.Expect(team.Locator("#questions")).ToContainTextAsync(label);
        }
        await AddQuestionAsync("Le projet en une phrase", CallFieldType.ShortText, FieldVisibility.Public, required: true);
        await AddQuestionAsync("Budget prévu en euros", CallFieldType.Number, FieldVisibility.Private, required: false);
        await AddQuestionAsync("Établissement scolaire", CallFieldType.ShortText, FieldVisibility.HiddenFromJury, required: false);

        await team.GotoAsync(callPath + "/grille");
        string[] criteria = ["Utilité pour le territoire", "Faisabilité", "Engagement de l’équipe"];
        int[] weights = [40, 30, 30];
        for (var i = 0; i < criteria.Length; i++)
        {
            await team.Locator($"#Rows_{i}__Name").FillAsync(criteria[i]);
            await team.Locator($"#Rows_{i}__Weight").FillAsync(weights[i].ToString(CultureInfo.InvariantCulture));
        }
        await team.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la grille" }).ClickAsync();
        await Assertions.Expect(team.Locator("#Rows_2__Name")).ToHaveValueAsync(criteria[2]);

        foreach (var juror in jurors)
        {
            await team.GotoAsync(callPath + "/jures");
            await team.Locator("#Email").FillAsync(juror.Email!);
            await team.GetByRole(AriaRole.Button, new() { Name = "Ajouter le juré" }).ClickAsync();
            await Assertions.Expect(team.Locator("#jures")).ToContainTextAsync(juror.Email!);
        }

        await team.GotoAsync(callPath.Replace("/admin/appels/", "/admin/appels/edition/", StringComparison.Ordinal));
        await team.GetByRole(AriaRole.Button, new() { Name = "Publier l’appel" }).ClickAsync();
        await Assertions.Expect(team.GetByRole(AriaRole.Button, new() { Name = "Retirer l’appel du site" })).ToBeVisibleAsync();

        // 2. A 14-year-old finds the call and starts their application, naming their mother as guardian.
        var young = await _site.NewPageAsync();
        var youngProblems = BrowserSteps.WatchForProblems(young);
        await BrowserSteps.SignInAsync(young, lead.Email!);
        await young.GotoAsync("/appels/" + call.Slug);
        await young.Locator("#candidater").ClickAsync();
        await young.Locator("#Input_Name").FillAsync("Léa Delmas");
        await young.Locator("#Input_ProjectTitle").FillAsync("Le toit vert");
        await young.Locator("#Input_Details_DateOfBirth").FillAsync(today.AddYears(-14).AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await young.Locator("#Input_Details_GuardianName").FillAsync("Sophie Delmas");
        await young.Locator("#Input_Details_GuardianEmail").FillAsync(guardianEmail);
        await young.Locator("#commencer").ClickAsync();
        await young.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, @"/candidatures/\d+$"));
        var applicationId = int.Parse(young.Url.Split('/')[^1], CultureInfo.InvariantCulture);
        await young.GetByLabel("Le projet en une phrase").FillAsync(PublicAnswer);
        await young.GetByLabel("Budget prévu en euros").FillAsync(PrivateAnswer);
        await young.GetByLabel("Établissement scolaire").FillAsync(HiddenAnswer);
        await young.Locator("#enregistrer").ClickAsync();
        await Assertions.Expect(young.GetByLabel("Établissement scolaire")).ToHaveValueAsync(HiddenAnswer);

        // Two friends join through their invitation links.
        (Core.Identity.ApplicationUser User, string Name, int Age)[] friends = [(second, "Hugo Bessière", 19), (third, "Inès Fabre", 22)];
        foreach (var (friend, name, _) in friends)
        {
            await young.GotoAsync($"/candidatures/{applicationId}/equipe");
            await young.Locator("#Invite_Name").FillAsync(name);
            await young.Locator("#Invite_Email").FillAsync(friend.Email!);
            await young.GetByRole(AriaRole.Button, new() { Name = "Envoyer l’invitation" }).ClickAsync();
            await Assertions.Expect(young.Locator("main")).ToContainTextAsync(name);
        }
        foreach (var (friend, _, age) in friends)
        {
            var invitation = await _site.Mail.WaitForMessageAsync(friend.Email!, where: m => (m.Subject ?? "").Contains("Invitation", StringComparison.Ordinal));
            var page = await _site.NewPageAsync();
            await BrowserSteps.SignInAsync(page, friend.Email!);
            await page.GotoAsync(ApplicationSteps.LinkIn(invitation, "/candidatures/invitation/"));
            await page.Locator("#Input_DateOfBirth").FillAsync(today.AddYears(-age).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await page.Locator("#confirmer").ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/invitation/", StringComparison.Ordinal));
            await page.Context.CloseAsync();
        }

        // 3. The lead sends it: it waits for the guardian, and nobody has a receipt yet.
        await young.GotoAsync($"/candidatures/{applicationId}");
        await young.Locator("#envoyer").ClickAsync();
        await Assertions.Expect(young.Locator("main")).ToContainTextAsync("En attente de l’accord d’un représentant légal");
        Assert.Equal(ApplicationStatus.AwaitingGuardian, await StatusAsync(applicationId));
        Assert.DoesNotContain(_site.Mail.MessagesTo(lead.Email!), m => (m.Subject ?? "").StartsWith("Candidature envoyée", StringComparison.Ordinal));

        // The guardian opens the e-mailed link, says who she is and consents: the application is submitted.
        var consentMail = await _site.Mail.WaitForMessageAsync(guardianEmail);
        var guardian = await _site.NewPageAsync();
        var guardianProblems = BrowserSteps.WatchForProblems(guardian);
        await guardian.GotoAsync(ApplicationSteps.LinkIn(consentMail, "/appels/consentement/"));
        await guardian.Locator("#Input_ConfirmedName").FillAsync("Sophie Delmas");
        await guardian.GetByLabel("Mère").CheckAsync();
        await guardian.Locator("#Input_Consents").CheckAsync();
        await guardian.Locator("#Input_PhotoAllowed").CheckAsync();
        await guardian.Locator("#donner-accord").ClickAsync();
        await Assertions.Expect(guardian.Locator("body")).ToContainTextAsync("Merci");
        Assert.Equal(ApplicationStatus.Submitted, await StatusAsync(applicationId));
        foreach (var member in new[] { lead, second, third })
        {
            await _site.Mail.WaitForMessageAsync(member.Email!, where: m => (m.Subject ?? "").StartsWith("Candidature envoyée", StringComparison.Ordinal));
        }

        // 4. The deadline passes; the team declares the application eligible and gives it to its three jurors.
        await app.WithDbAsync(async db =>
        {
            await db.Calls.Where(c => c.Id == call.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ClosesAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
            return 0;
        });
        await team.GotoAsync($"{callPath}/candidatures/{applicationId}");
        await team.Locator("input[name='Decision.Eligible'][value='true']").CheckAsync();
        await team.Locator("#decider").ClickAsync();
        await Assertions.Expect(team.Locator("main")).ToContainTextAsync("Recevable");
        await team.GotoAsync(callPath + "/jury");
        await team.Locator("#jures-par-candidature").FillAsync("3");
        await team.GetByRole(AriaRole.Button, new() { Name = "Répartir" }).ClickAsync();
        await Assertions.Expect(team.Locator("#matrice input[type=checkbox]:checked")).ToHaveCountAsync(3);

        // 5. Each juror opens the application: the public and private answers, never the hidden one nor the team.
        double[] totals = [0.4 * 8 + 0.3 * 7 + 0.3 * 9, 0.4 * 6 + 0.3 * 6 + 0.3 * 6];
        int[][] scores = [[8, 7, 9], [6, 6, 6]];
        for (var j = 0; j < jurors.Length; j++)
        {
            var page = await _site.NewPageAsync();
            var problems = BrowserSteps.WatchForProblems(page);
            await BrowserSteps.SignInAsync(page, jurors[j].Email!);
            await page.GotoAsync("/jury");
            await page.GetByRole(AriaRole.Link, new() { Name = "Le toit vert" }).ClickAsync();
            var html = await page.ContentAsync();
            Assert.Contains(PublicAnswer, html, StringComparison.Ordinal);
            Assert.Contains(PrivateAnswer, html, StringComparison.Ordinal);
            Assert.DoesNotContain(HiddenAnswer, html, StringComparison.Ordinal);
            Assert.DoesNotContain("Établissement scolaire", html, StringComparison.Ordinal);
            foreach (var identity in new[] { "Léa", "Delmas", "Hugo", "Inès", lead.Email!, second.Email!, guardianEmail })
            {
                Assert.DoesNotContain(identity, html, StringComparison.OrdinalIgnoreCase);
            }
            if (j == 2)
            {
                await page.Locator("#raison-conflit").FillAsync("Je suis l’enseignant principal de l’une des personnes de l’équipe.");
                await page.GetByRole(AriaRole.Button, new() { Name = "Déclarer un conflit d’intérêts" }).ClickAsync();
                await Assertions.Expect(page.Locator("main")).ToContainTextAsync("conflit d’intérêts");
            }
            else
            {
                for (var c = 0; c < criteria.Length; c++)
                {
                    await page.GetByLabel($"Note de 0 à 10 — {criteria[c]}").FillAsync(scores[j][c].ToString(CultureInfo.InvariantCulture));
                }
                await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer l’évaluation" }).ClickAsync();
                await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Envoyer l’évaluation" })).ToHaveCountAsync(0);
            }
            Assert.Empty(problems);
            await page.Context.CloseAsync();
        }

        // 6. The ranking averages the two evaluations, the recused juror left out; the team decides and publishes.
        await team.GotoAsync(callPath + "/jury/classement");
        var row = team.Locator($"tr[data-application='{applicationId}']");
        await Assertions.Expect(row.Locator("[data-column=average]")).ToHaveTextAsync(totals.Average().ToString("N2", CultureInfo.GetCultureInfo("fr-FR")));
        await Assertions.Expect(row.Locator("[data-column=evaluations]")).ToHaveTextAsync("2");
        await Assertions.Expect(row.Locator("[data-column=recusals]")).ToHaveTextAsync("1");
        await row.GetByRole(AriaRole.Link, new() { Name = "Décider" }).ClickAsync();
        await team.Locator("#decision-laureate").CheckAsync();
        await team.Locator("#Input_Reason").FillAsync("Projet utile, équipe engagée.");
        await team.Locator("#Input_Feedback").FillAsync("Bravo : le jury a aimé l’ancrage du projet dans le collège.");
        await team.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la décision" }).ClickAsync();
        await team.GotoAsync(callPath + "/jury/classement");
        await team.GetByRole(AriaRole.Button, new() { Name = "Publier les résultats" }).ClickAsync();
        await Assertions.Expect(team.Locator("body")).ToContainTextAsync("Résultats publiés");
        Assert.Equal(ApplicationStatus.Laureate, await StatusAsync(applicationId));

        // Every member of the laureate team is told, with the jury's feedback.
        foreach (var member in new[] { lead, second, third })
        {
            var results = await _site.Mail.WaitForMessageAsync(member.Email!, where: m => (m.Subject ?? "").Contains("lauréat", StringComparison.Ordinal));
            Assert.Contains("Bravo : le jury a aimé", results.TextBody ?? "", StringComparison.Ordinal);
        }

        // 7. A follow-up file is opened and a milestone recorded; the team's lead sees it in their space.
        await team.GotoAsync(callPath + "/suivi");
        await team.GetByRole(AriaRole.Button, new() { Name = "Ouvrir le dossier de suivi" }).ClickAsync();
        await team.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, @"/suivi/\d+$"));
        await team.Locator("#milestone-title").FillAsync("Premiers bacs installés sur le toit");
        await team.GetByRole(AriaRole.Button, new() { Name = "Ajouter le jalon" }).ClickAsync();
        await Assertions.Expect(team.Locator("main")).ToContainTextAsync("Premiers bacs installés sur le toit");
        await young.GotoAsync($"/candidatures/{applicationId}/suivi");
        await Assertions.Expect(young.Locator("main")).ToContainTextAsync("Premiers bacs installés sur le toit");

        // 8. The laureates' page, for anyone: the public answer only, nobody's name or address.
        var visitor = await _site.NewPageAsync();
        var visitorProblems = BrowserSteps.WatchForProblems(visitor);
        await visitor.GotoAsync($"/appels/{call.Slug}/laureats");
        var laureates = await visitor.Locator("main").InnerTextAsync();
        Assert.Contains("Le toit vert", laureates, StringComparison.Ordinal);
        Assert.Contains(PublicAnswer, laureates, StringComparison.Ordinal);
        foreach (var secret in new[] { PrivateAnswer, HiddenAnswer, "Budget prévu", "Établissement scolaire", "Léa", "Delmas", "Hugo", "Inès", lead.Email!, guardianEmail })
        {
            Assert.DoesNotContain(secret, laureates, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Empty(teamProblems);
        Assert.Empty(youngProblems);
        Assert.Empty(guardianProblems);
        Assert.Empty(visitorProblems);
    }

    private Task<ApplicationStatus> StatusAsync(int applicationId) =>
        _site.App.WithDbAsync(db => db.CallApplications.AsNoTracking().Where(a => a.Id == applicationId).Select(a => a.Status).SingleAsync());
}
