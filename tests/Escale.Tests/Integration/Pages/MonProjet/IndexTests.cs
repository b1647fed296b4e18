using System.Globalization;
using System.Net;
using Escale.Core.Identity;
using Escale.Core.Welcome;
using Escale.Tests.Infrastructure;
using Escale.Web.Pages.Accueil;
using Microsoft.EntityFrameworkCore;
using static Escale.Tests.Infrastructure.ProjectWelcomeSteps;

namespace Escale.Tests.Integration.Pages.MonProjet;

[Collection(ProjectCollection.Name)]
public sealed class IndexTests(ProjectAppFixture fixture)
{
    private static string NewEmail() => $"menage-{Guid.NewGuid():N}@test.escale";

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Theory, EveryDatabase]
    public async Task WholeForm_TargetingFigeac_CreatesOneNewcomerAndOneCaseLedByTheGrandFigeac_AndTheEmailsArrive(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var (figeacEpci, figeacService) = await ServiceOfAsync(app, "Figeac");
        var referent = await ReferentWelcomeSteps.MemberAsync(app, figeacService);
        var client = app.CreateBrowserlessClient();
        var email = NewEmail();

        var page = await client.StartProjectAsync();
        var (_, searched) = await client.StepAsync(page, "search-0", ("Input.Adults[0].FirstName", "Claire"), ("Input.Adults[0].OccupationQuery", "infirmier"));
        var nurse = searched.QuerySelector("input[name='Input.Adults[0].RomeCode']")!.GetAttribute("value")!;
        var (sent, _) = await client.PlayProjectAsync(new Answers
        {
            Household =
            [
                ("Input.Adults[0].FirstName", "Claire"), ("Input.Adults[0].LastName", "Martin"), ("Input.Adults[0].Wish", "Job"),
                ("Input.Adults[0].OccupationQuery", "infirmier"), ("Input.Adults[0].RomeCode", nurse), ("Input.Adults[0].ExperienceYears", "8"),
                ("Input.Adults[1].FirstName", "Marc"), ("Input.Adults[1].LastName", "Martin"), ("Input.Adults[1].Wish", "Job"),
                ("Input.ChildrenAges", "6, 11"),
            ],
            Places = [("Input.IntercommunalityIds", Id(figeacEpci)), ("Input.Timeline", "WithinYear"), ("Input.ArrivalMonth", "2027-06")],
            Account = Answers.NewAccount(email),
        });
        var confirmation = await client.GetPageAsync(sent.Headers.Location!.OriginalString);
        var cases = await CasesOfAsync(app, email);
        var roles = await app.WithDbAsync(db => db.UserRoles.Where(r => r.UserId == cases[0].HouseholdUserId)
            .Join(db.Roles, r => r.RoleId, role => role.Id, (_, role) => role.Name).ToListAsync());
        var received = await fixture.Mail.WaitForMessageAsync(email, where: m => m.Subject != null && m.Subject.Contains("projet d’installation est bien arrivé", StringComparison.Ordinal));
        var confirm = await fixture.Mail.WaitForMessageAsync(email, where: m => m.Subject != null && m.Subject.Contains("Confirmez", StringComparison.Ordinal));
        var newCase = await fixture.Mail.WaitForMessageAsync(referent.Email!, where: m => m.Subject != null && m.Subject.Contains("Nouveau dossier", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.StartsWith("/mon-projet/envoye/", sent.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var welcomeCase = Assert.Single(cases);
        Assert.Equal("Claire et Marc Martin", welcomeCase.HouseholdName);
        Assert.Equal(figeacEpci, welcomeCase.IntercommunalityId);
        Assert.Equal(CaseStage.NewContact, welcomeCase.Stage);
        Assert.Equal([6, 11], welcomeCase.Project.ChildrenAges);
        Assert.Equal(nurse, welcomeCase.Project.Adults[0].RomeCode);
        Assert.Equal(new DateOnly(2027, 6, 1), welcomeCase.Project.ArrivalOn);
        var lead = Assert.Single(welcomeCase.Assignments);
        Assert.Equal(figeacService, lead.OrganisationId);
        Assert.Equal(AssignmentRole.Lead, lead.Role);
        Assert.NotNull(lead.AssignedUserId);
        Assert.Contains(welcomeCase.Events, e => e.Kind == CaseEventKind.Created);
        Assert.Equal([Roles.Newcomer], roles);
        Assert.Contains("Accueil des nouveaux habitants", confirmation.Page.Text(".project-organisation"), StringComparison.Ordinal);
        Assert.Contains(EscaleAppFactory.BaseUrl + "/mon-espace", received.TextBody, StringComparison.Ordinal);
        Assert.Contains(WelcomeLabels.StageMeaning(CaseStage.NewContact), received.TextBody, StringComparison.Ordinal);
        Assert.Contains("/compte/confirmer", confirm.TextBody, StringComparison.Ordinal);
        Assert.Contains(EscaleAppFactory.BaseUrl + "/admin/dossiers/" + Id(welcomeCase.Id), newCase.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("infirmier", newCase.TextBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(email, newCase.TextBody, StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task Deadline_CountsThreeWorkingDays_SkippingChristmasAndTheWeekend(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var email = NewEmail();

        await app.CreateBrowserlessClient().PlayProjectAsync(new Answers { Account = Answers.NewAccount(email) });
        var welcomeCase = Assert.Single(await CasesOfAsync(app, email));

        // Thursday 24 December 2026: Friday 25 is Christmas, then the weekend; three working days end on Wednesday 30.
        Assert.Equal(new DateOnly(2026, 12, 30), Assert.Single(welcomeCase.Assignments).FirstResponseDueOn);
    }

    [Theory, EveryDatabase]
    public async Task Anywhere_OrTwoIntercommunalities_GoesToTheDepartmentalTeam(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var departement = await OrganisationAsync(app, "departement");
        var (figeac, _) = await ServiceOfAsync(app, "Figeac");
        var (cahors, _) = await ServiceOfAsync(app, "Cahors");
        var anywhere = NewEmail();
        var two = NewEmail();

        await app.CreateBrowserlessClient().PlayProjectAsync(new Answers { Account = Answers.NewAccount(anywhere) });
        await app.CreateBrowserlessClient().PlayProjectAsync(new Answers
        {
            Places = [("Input.IntercommunalityIds", Id(figeac)), ("Input.IntercommunalityIds", Id(cahors)), ("Input.Timeline", "WithinTwoYears")],
            Account = Answers.NewAccount(two),
        });

        foreach (var email in new[] { anywhere, two })
        {
            var welcomeCase = Assert.Single(await CasesOfAsync(app, email));
            Assert.Null(welcomeCase.IntercommunalityId);
            Assert.Equal(departement, Assert.Single(welcomeCase.Assignments).OrganisationId);
        }
    }

    [Theory, EveryDatabase]
    public async Task BusinessInAgriculture_HeardOnHolidays_AlsoInvolvesTheAgricultureChamberAndTheTourismAgency(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var agriculture = await OrganisationAsync(app, "agriculture");
        var tourism = await OrganisationAsync(app, "tourisme");
        var email = NewEmail();

        await app.CreateBrowserlessClient().PlayProjectAsync(new Answers
        {
            Household = [("Input.Adults[0].FirstName", "Paul"), ("Input.Adults[0].Wish", "TakeOverBusiness"), ("Input.Adults[0].NafCode", "01"), ("Input.Adults[0].Budget", "250000")],
            Source = [("Input.HeardFrom", "Holidays")],
            Account = Answers.NewAccount(email),
        });
        var welcomeCase = Assert.Single(await CasesOfAsync(app, email));

        Assert.True(welcomeCase.IsBusinessProject);
        Assert.Equal(HeardFrom.Holidays, welcomeCase.Source);
        Assert.Equal(AssignmentRole.Lead, welcomeCase.Assignments.Single(a => a.Role == AssignmentRole.Lead).Role);
        Assert.Contains(welcomeCase.Assignments, a => a.OrganisationId == agriculture && a.Role == AssignmentRole.Involved);
        Assert.Contains(welcomeCase.Assignments, a => a.OrganisationId == tourism && a.Role == AssignmentRole.Involved);
        Assert.Equal(3, welcomeCase.Assignments.Count);
    }

    [Theory, EveryDatabase]
    public async Task TheMemberWithTheLightestCaseload_IsProposed(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var trades = await OrganisationAsync(app, "cma");
        var busy = await ReferentWelcomeSteps.MemberAsync(app, trades);
        var free = await ReferentWelcomeSteps.MemberAsync(app, trades);
        await app.WithDbAsync(async db =>
        {
            var open = new WelcomeCase { SubmissionKey = Guid.NewGuid(), HouseholdName = "Déjà suivi", CreatedAt = ProjectAppFixture.Now, StageChangedAt = ProjectAppFixture.Now, UpdatedAt = ProjectAppFixture.Now };
            open.AssignTo(trades, AssignmentRole.Involved, busy.Id, new DateOnly(2027, 1, 4), CaseActor.System, ProjectAppFixture.Now, "cma");
            db.Cases.Add(open);
            return await db.SaveChangesAsync();
        });
        var email = NewEmail();

        await app.CreateBrowserlessClient().PlayProjectAsync(new Answers
        {
            Household = [("Input.Adults[0].FirstName", "Inès"), ("Input.Adults[0].Wish", "CreateBusiness"), ("Input.Adults[0].NafCode", "43")],
            Account = Answers.NewAccount(email),
        });
        var welcomeCase = Assert.Single(await CasesOfAsync(app, email));

        Assert.Equal(free.Id, welcomeCase.Assignments.Single(a => a.OrganisationId == trades).AssignedUserId);
    }

    [Theory, EveryDatabase]
    public async Task Previous_KeepsEverythingTyped(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var client = app.CreateBrowserlessClient();

        var page = await client.StartProjectAsync();
        var (_, places) = await client.StepAsync(page, "next", ("Input.Adults[0].FirstName", "Claire"), ("Input.Adults[0].Wish", "Job"),
            ("Input.Adults[0].ExperienceYears", "8"), ("Input.Adults[0].Contracts", "Cdi"), ("Input.ChildrenAges", "6, 11"));
        var (_, housing) = await client.StepAsync(places, "next", ("Input.Anywhere", "true"), ("Input.Timeline", "WithinYear"), ("Input.CurrentPlace", "Lyon"));
        var (_, backToPlaces) = await client.StepAsync(housing, "back", ("Input.HousingBudget", "900"), ("Input.Housing", "Buy"));
        var (_, backToHousehold) = await client.StepAsync(backToPlaces, "back");
        var (_, forwardAgain) = await client.StepAsync(backToHousehold, "next");
        var (_, housingAgain) = await client.StepAsync(forwardAgain, "next");

        Assert.Equal("Lyon", backToPlaces.QuerySelector("#actuel")!.GetAttribute("value"));
        Assert.NotNull(backToPlaces.QuerySelector("#partout[checked]"));
        Assert.NotNull(backToPlaces.QuerySelector("#quand-WithinYear[checked]"));
        Assert.Equal("Claire", backToHousehold.QuerySelector("#adulte-0-prenom")!.GetAttribute("value"));
        Assert.Equal("8", backToHousehold.QuerySelector("#adulte-0-experience")!.GetAttribute("value"));
        Assert.NotNull(backToHousehold.QuerySelector("#adulte-0-souhait-Job[checked]"));
        Assert.NotNull(backToHousehold.QuerySelector("#adulte-0-contrat-Cdi[checked]"));
        Assert.Equal("6, 11", backToHousehold.QuerySelector("#enfants")!.GetAttribute("value"));
        Assert.Equal("900", housingAgain.QuerySelector("#budget-logement")!.GetAttribute("value"));
        Assert.NotNull(housingAgain.QuerySelector("#logement-Buy[checked]"));
    }

    [Theory, EveryDatabase]
    public async Task InvalidAnswers_ShowFrenchMessagesBesideTheirFields_AndStayOnTheStep(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var client = app.CreateBrowserlessClient();

        var page = await client.StartProjectAsync();
        var (_, noAdult) = await client.StepAsync(page, "next", ("Input.Adults[0].FirstName", ""), ("Input.ChildrenAges", "6, 31"));
        var (_, places) = await client.StepAsync(page, "next", ("Input.Adults[0].FirstName", "Claire"), ("Input.Adults[0].Wish", "CreateBusiness"), ("Input.Adults[0].NafCode", "01"), ("Input.Adults[0].Budget", "-5"));
        var (_, householdOk) = await client.StepAsync(page, "next", ("Input.Adults[0].FirstName", "Claire"), ("Input.Adults[0].Wish", "Job"));
        var (_, badPlaces) = await client.StepAsync(householdOk, "next", ("Input.IntercommunalityIds", "999999"), ("Input.CommuneIds", "888888"),
            ("Input.Timeline", "WithinSixMonths"), ("Input.ArrivalMonth", "2026-11"));
        var (_, tooFar) = await client.StepAsync(householdOk, "next", ("Input.Anywhere", "true"), ("Input.Timeline", "WithinSixMonths"), ("Input.ArrivalMonth", "2028-01"));

        Assert.Equal("1", noAdult.QuerySelector("input[name=Step]")!.GetAttribute("value"));
        Assert.Equal("Indiquez au moins un adulte : son prénom suffit.", noAdult.Text("#adulte-0-prenom-error"));
        Assert.Equal("Un âge d’enfant va de 0 à 25 ans.", noAdult.Text("#enfants-error"));
        Assert.Equal("Indiquez un budget en euros, entre 0 et 50 000 000.", places.Text("#adulte-0-budget-error"));
        Assert.Equal("Une intercommunalité choisie n’existe pas : choisissez dans la liste.", badPlaces.Text("#epci-error"));
        Assert.Equal("Une commune choisie n’existe pas : choisissez dans la liste.", badPlaces.Text("#communes-error"));
        Assert.Equal("Le mois d’arrivée est déjà passé : choisissez ce mois-ci ou un mois à venir.", badPlaces.Text("#arrivee-error"));
        Assert.StartsWith("Ce mois est au-delà du délai choisi", tooFar.Text("#arrivee-error"), StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task LastStep_WithoutConsent_OrWithAnEmailThatHasAnAccount_SaysSoBesideTheField_AndCreatesNothing(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var existing = await MailAppFixture.CreateUserAsync(app);
        var email = NewEmail();

        var (_, noConsent) = await app.CreateBrowserlessClient().PlayProjectAsync(new Answers
        {
            Account = [.. Answers.NewAccount(email).Where(f => f.Name != "Input.ConsentAccompaniment")],
        });
        var (_, taken) = await app.CreateBrowserlessClient().PlayProjectAsync(new Answers { Account = Answers.NewAccount(existing.Email!) });

        Assert.StartsWith("Sans cet accord", noConsent.Text("#accord-accompagnement-error"), StringComparison.Ordinal);
        Assert.StartsWith("Un compte existe déjà avec cette adresse.", taken.Text("#courriel-error"), StringComparison.Ordinal);
        Assert.Equal("/compte/connexion?retour=%2Fmon-projet", taken.QuerySelector("#courriel-error a")!.GetAttribute("href"));
        Assert.Empty(await CasesOfAsync(app, email));
        Assert.Empty(await CasesOfAsync(app, existing.Email!));
    }

    [Theory, EveryDatabase]
    public async Task SignedIn_TheCaseIsAttachedToTheAccount_WhichBecomesANewcomer(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var user = await MailAppFixture.CreateUserAsync(app);
        var client = app.CreateBrowserlessClient();
        await client.SignInAsync(user.Email!, MailAppFixture.Password);

        var (sent, _) = await client.PlayProjectAsync(new Answers { Account = [("Input.ConsentAccompaniment", "true"), ("Input.ConsentFollowUp", "true")] });
        var welcomeCase = Assert.Single(await CasesOfAsync(app, user.Email!));
        var isNewcomer = await app.WithDbAsync(db => db.UserRoles.AnyAsync(r => r.UserId == user.Id && db.Roles.Any(role => role.Id == r.RoleId && role.Name == Roles.Newcomer)));

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.True(isNewcomer);
        Assert.NotNull(welcomeCase.ConsentFollowUpAt);
        Assert.Null(welcomeCase.ConsentMatchEmailsAt);
        Assert.Equal(ProjectAppFixture.Now, welcomeCase.ConsentAccompanimentAt);
    }

    [Theory, EveryDatabase]
    public async Task DoubleSubmit_MakesOneCase_AndShowsTheSameConfirmation(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var email = NewEmail();
        var client = app.CreateBrowserlessClient();
        var page = await client.StartProjectAsync();
        foreach (var values in new[] { new Answers().Household, new Answers().Places, new Answers().Housing, new Answers().Source })
        {
            page = (await client.StepAsync(page, "next", values)).Page;
        }

        var first = await client.StepAsync(page, "submit", Answers.NewAccount(email));
        var second = await client.StepAsync(page, "submit", Answers.NewAccount(email));

        Assert.Equal(HttpStatusCode.Redirect, first.Response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.Response.StatusCode);
        Assert.Equal(first.Response.Headers.Location, second.Response.Headers.Location);
        Assert.Single(await CasesOfAsync(app, email));
    }

    [Theory, EveryDatabase]
    public async Task Honeypot_Filled_CreatesNothing(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var email = NewEmail();
        var client = app.CreateBrowserlessClient();
        var page = await client.StartProjectAsync();
        foreach (var values in new[] { new Answers().Household, new Answers().Places, new Answers().Housing, new Answers().Source })
        {
            page = (await client.StepAsync(page, "next", values)).Page;
        }

        var (sent, _) = await client.StepAsync(page, "submit", [.. Answers.NewAccount(email), ("Website", "https://spam.example")]);
        var normalized = email.ToUpperInvariant();
        var accounts = await app.WithDbAsync(db => db.Users.CountAsync(u => u.NormalizedEmail == normalized));

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(0, accounts);
        Assert.Empty(await CasesOfAsync(app, email));
    }
}
