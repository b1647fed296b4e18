using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.Welcome;
using Escale.Tests.Infrastructure;
using Escale.Web.Pages.Admin.Dossiers;
using Microsoft.EntityFrameworkCore;
using static Escale.Tests.Infrastructure.ReferentWelcomeSteps;

namespace Escale.Tests.Integration.Pages.Admin.Dossiers;

[Collection(AccountsCollection.Name)]
public sealed class IndexTests(MailAppFixture fixture)
{
    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Theory, EveryDatabase]
    public async Task OverdueFilter_ListsOverdueCasesOnly_AndTheCaseloadPutsThemFirst(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var referent = await SignedInReferentAsync(app, GrandFigeac);
        var (late, _) = await CaseAsync(app, GrandFigeac, age: TimeSpan.FromDays(9), dueOn: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-4));
        var (fresh, _) = await CaseAsync(app, GrandFigeac);

        var (_, caseload) = await referent.Client.GetPageAsync("/admin/dossiers");
        var (_, overdue) = await referent.Client.GetPageAsync(caseload.QuerySelector<IHtmlAnchorElement>("#lien-retard")!.PathName + "?retard=true");

        var rows = caseload.QuerySelectorAll("#dossiers tbody tr").Select(r => r.GetAttribute("data-case")).ToList();
        Assert.True(rows.IndexOf(Id(late.Id)) < rows.IndexOf(Id(fresh.Id)), "the overdue case comes before the newer one");
        Assert.NotNull(caseload.QuerySelector($"tr[data-case='{late.Id}'] .overdue"));
        Assert.NotNull(overdue.QuerySelector($"tr[data-case='{late.Id}']"));
        Assert.Null(overdue.QuerySelector($"tr[data-case='{fresh.Id}']"));
        Assert.True(int.Parse(Html.Digits(caseload.Text("#compte-retard")), System.Globalization.CultureInfo.InvariantCulture) >= 1);
    }

    [Theory, EveryDatabase]
    public async Task Caseload_PagesTheOverdueCasesThenTheOthers_EachNewestFirst_AcrossThePageBoundary(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var referent = await SignedInReferentAsync(app, GrandFigeac);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        // Older than the other tests' cases, so that these 52 do not push theirs off the first page of a shared caseload.
        var olderLate = await CaseFollowedByAsync(app, referent, TimeSpan.FromDays(41), today.AddDays(-5));
        var newerLate = await CaseFollowedByAsync(app, referent, TimeSpan.FromDays(40), today.AddDays(-4));
        var onTime = new List<int>();
        for (var i = 0; i < IndexModel.PageSize; i++)
        {
            onTime.Add(await CaseFollowedByAsync(app, referent, TimeSpan.FromDays(30) + TimeSpan.FromMinutes(i), today.AddDays(3)));
        }

        var (_, first) = await referent.Client.GetPageAsync("/admin/dossiers?suivi=moi");
        var (_, second) = await referent.Client.GetPageAsync("/admin/dossiers?suivi=moi&p=2");

        static List<string?> Rows(IHtmlDocument page) => [.. page.QuerySelectorAll("#dossiers tbody tr").Select(r => r.GetAttribute("data-case"))];
        List<string?> firstPage = [Id(newerLate), Id(olderLate), .. onTime.Take(IndexModel.PageSize - 2).Select(Id)];
        List<string?> secondPage = [.. onTime.Skip(IndexModel.PageSize - 2).Select(Id)];
        Assert.Equal(firstPage, Rows(first));
        Assert.Equal(secondPage, Rows(second));
        Assert.Equal(2, first.QuerySelectorAll("#dossiers .overdue").Length);
        Assert.Empty(second.QuerySelectorAll("#dossiers .overdue"));
        Assert.Equal("52", Html.Digits(first.Text("#nombre-resultats")));
    }

    /// <summary>A new-contact case received <paramref name="age"/> ago, led by the referent's organisation and followed by them.</summary>
    private static Task<int> CaseFollowedByAsync(EscaleAppFactory app, Referent referent, TimeSpan age, DateOnly dueOn) =>
        app.WithDbAsync(async db =>
        {
            var createdAt = DateTimeOffset.UtcNow - age;
            var welcomeCase = new WelcomeCase
            {
                SubmissionKey = Guid.NewGuid(),
                HouseholdName = "Ménage " + Guid.NewGuid().ToString("N")[..8],
                Source = HeardFrom.Campaign,
                CreatedAt = createdAt,
                StageChangedAt = createdAt,
                UpdatedAt = createdAt,
                ConsentAccompanimentAt = createdAt,
            };
            welcomeCase.AssignTo(referent.OrganisationId, AssignmentRole.Lead, referent.User.Id, dueOn, CaseActor.System, createdAt, "Grand-Figeac");
            db.Cases.Add(welcomeCase);
            await db.SaveChangesAsync();
            return welcomeCase.Id;
        });

    [Theory, EveryDatabase]
    public async Task BulkReassignment_ByACoordinator_HandsTheTickedCasesToAMember_AndIsRefusedToOthers(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var coordinator = await SignedInReferentAsync(app, GrandFigeac, coordinator: true);
        var leaving = await SignedInReferentAsync(app, GrandFigeac);
        var taking = await SignedInReferentAsync(app, GrandFigeac);
        var (first, _) = await CaseAsync(app, GrandFigeac, leaving.User.Id);
        var (second, _) = await CaseAsync(app, GrandFigeac, leaving.User.Id);
        var (kept, _) = await CaseAsync(app, GrandFigeac, leaving.User.Id);

        var (_, asMember) = await leaving.Client.GetPageAsync("/admin/dossiers");
        var refused = await leaving.Client.SubmitPairsAsync(asMember.QuerySelector<IHtmlFormElement>("form[action*='Reaffecter']")!,
            [new("Selected", Id(first.Id)), new("NewAssignee", $"{leaving.OrganisationId}:{leaving.User.Id}")]);
        var (_, page) = await coordinator.Client.GetPageAsync($"/admin/dossiers?suivi={leaving.User.Id}");
        var done = await coordinator.Client.SubmitPairsAsync(page.QuerySelector<IHtmlFormElement>("form[action*='Reaffecter']")!,
            [new("Selected", Id(first.Id)), new("Selected", Id(second.Id)), new("NewAssignee", $"{coordinator.OrganisationId}:{taking.User.Id}")]);

        Assert.Null(asMember.QuerySelector("select[name=NewAssignee]"));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Contains($"suivi={leaving.User.Id}", done.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var assignees = await app.WithDbAsync(db => db.CaseAssignments.Where(a => a.CaseId == first.Id || a.CaseId == second.Id || a.CaseId == kept.Id)
            .ToDictionaryAsync(a => a.CaseId, a => a.AssignedUserId));
        Assert.Equal(taking.User.Id, assignees[first.Id]);
        Assert.Equal(taking.User.Id, assignees[second.Id]);
        Assert.Equal(leaving.User.Id, assignees[kept.Id]);
        Assert.Equal(2, await app.WithDbAsync(db => db.CaseEvents.CountAsync(e => (e.CaseId == first.Id || e.CaseId == second.Id) && e.Kind == CaseEventKind.AssigneeChanged)));
        var (_, status) = await coordinator.Client.GetPageAsync(done.Headers.Location!.OriginalString);
        Assert.Contains("2 dossiers confiés", status.Text("[role=status]"), StringComparison.Ordinal);
    }
}
