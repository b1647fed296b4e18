using AngleSharp.Dom;
using System.Net;
using AngleSharp.Html.Dom;
using Escale.Core.Identity;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Escale.Tests.Infrastructure.NetworkSteps;

namespace Escale.Tests.Integration.Pages.Admin.Appels;

[Collection(AccountsCollection.Name)]
public sealed class JuresTests(MailAppFixture fixture)
{
    [Theory, EveryDatabase]
    public async Task Add_OnlyAJuryAccount_Once(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var team = await SignedInAsync(app, Roles.Editor);
        var call = await CallSteps.CallAsync(app);
        var juror = await MailAppFixture.CreateUserAsync(app, true, Roles.Jury);
        var notJuror = await MailAppFixture.CreateUserAsync(app);
        var (_, page) = await team.Client.GetPageAsync($"/admin/appels/{call.Id}/jures");
        var form = (IHtmlFormElement)page.QuerySelector("#Email")!.Closest("form")!;

        var refused = await team.Client.SubmitAsync(form, new Dictionary<string, string> { ["Email"] = notJuror.Email! });
        var added = await team.Client.SubmitAsync(form, new Dictionary<string, string> { ["Email"] = juror.Email! });
        await team.Client.SubmitAsync(form, new Dictionary<string, string> { ["Email"] = juror.Email! });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("rôle « Jury »", (await Html.ParseAsync(refused)).Text("[data-valmsg-for='Email']"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal([juror.Id], await app.WithDbAsync(db => db.CallJurors.Where(j => j.CallId == call.Id).Select(j => j.UserId).ToListAsync()));
        var (_, listed) = await team.Client.GetPageAsync($"/admin/appels/{call.Id}/jures");
        Assert.Contains(juror.Email!, listed.Text("#jures"), StringComparison.Ordinal);
    }
}
