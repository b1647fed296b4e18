using AngleSharp.Dom;
using System.Net;
using AngleSharp.Html.Dom;
using Escale.Core.Calls;
using Escale.Core.Identity;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Escale.Tests.Infrastructure.NetworkSteps;

namespace Escale.Tests.Integration.Pages.Admin.Appels;

[Collection(AccountsCollection.Name)]
public sealed class FormulaireTests(MailAppFixture fixture)
{
    [Theory, EveryDatabase]
    public async Task AddMoveAndRemove_BuildTheFormWithoutScript(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var team = await SignedInAsync(app, Roles.Editor);
        var call = await CallSteps.CallAsync(app);
        var path = $"/admin/appels/{call.Id}/formulaire";

        var (_, empty) = await team.Client.GetPageAsync(path);
        var add = empty.QuerySelector<IHtmlFormElement>("form[action*='Save']")!;
        var refused = await team.Client.SubmitAsync(add, new Dictionary<string, string>
        {
            ["Input.Label"] = "Catégorie", ["Input.Type"] = nameof(CallFieldType.Choice), ["Input.Visibility"] = nameof(FieldVisibility.Public), ["Input.Choices"] = "Culture",
        });
        await team.Client.SubmitAsync(add, new Dictionary<string, string>
        {
            ["Input.Label"] = "Nom du projet", ["Input.Type"] = nameof(CallFieldType.ShortText), ["Input.Visibility"] = nameof(FieldVisibility.Public), ["Input.Required"] = "true",
        });
        await team.Client.SubmitAsync(add, new Dictionary<string, string>
        {
            ["Input.Label"] = "Établissement scolaire", ["Input.Type"] = nameof(CallFieldType.ShortText), ["Input.Visibility"] = nameof(FieldVisibility.HiddenFromJury),
        });
        var (_, built) = await team.Client.GetPageAsync(path);
        await team.Client.SubmitAsync(built.QuerySelectorAll<IHtmlFormElement>("form[action*='Move']").First(), new Dictionary<string, string>());

        Assert.Contains("au moins deux choix", (await Html.ParseAsync(refused)).Text(".field-validation-error"), StringComparison.Ordinal);
        var fields = await app.WithDbAsync(db => db.CallFields.Where(f => f.CallId == call.Id).OrderBy(f => f.Order).ToListAsync());
        Assert.Equal(["Établissement scolaire", "Nom du projet"], fields.Select(f => f.Label));
        Assert.Equal([FieldVisibility.HiddenFromJury, FieldVisibility.Public], fields.Select(f => f.Visibility));
        Assert.True(fields[1].Required);

        var (_, moved) = await team.Client.GetPageAsync(path);
        var removed = await team.Client.SubmitAsync(moved.QuerySelector<IHtmlFormElement>("form[action*='Remove']")!, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.CallFields.CountAsync(f => f.CallId == call.Id)));
    }

    [Theory, EveryDatabase]
    public async Task OnceApplicationsExist_AFieldIsNeitherRemovedNorRetyped(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var team = await SignedInAsync(app, Roles.Editor);
        var call = await CallSteps.CallAsync(app, fields: CallSteps.Field("Nom du projet", FieldVisibility.Public));
        var applicant = await MailAppFixture.CreateUserAsync(app);
        await CallSteps.LaureateAsync(app, call, applicant, "Projet", new Dictionary<string, string> { ["Nom du projet"] = "Le projet" }, ApplicationStatus.Draft);
        var fieldId = await app.WithDbAsync(db => db.CallFields.Where(f => f.CallId == call.Id).Select(f => f.Id).SingleAsync());
        var path = $"/admin/appels/{call.Id}/formulaire";
        var (_, page) = await team.Client.GetPageAsync(path);

        Assert.Null(page.QuerySelector("form[action*='Remove']"));
        var retype = await team.Client.SubmitAsync(page.QuerySelectorAll<IHtmlFormElement>("form[action*='Save']").First(f => f.QuerySelector("input[name='Input.FieldId']") is not null),
            new Dictionary<string, string> { ["Input.Label"] = "Nom du projet", ["Input.Type"] = nameof(CallFieldType.Number), ["Input.Visibility"] = nameof(FieldVisibility.Public) });
        var remove = await team.Client.PostAsync(new Uri($"{path}/Remove", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["fieldId"] = fieldId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["__RequestVerificationToken"] = page.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value,
        }));

        Assert.Contains("ne peut plus être retirée ni changer de type", (await Html.ParseAsync(retype)).Text("[id$='Type-error']"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, remove.StatusCode);
        var field = await app.WithDbAsync(db => db.CallFields.SingleAsync(f => f.Id == fieldId));
        Assert.Equal(CallFieldType.ShortText, field.Type);
    }
}
