using System.ComponentModel.DataAnnotations;
using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Tests.Infrastructure;
using Escale.Tests.Integration.Pages.Admin.Campagnes;
using Escale.Tests.Integration.Pages.Admin.Contenus;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Escale.Tests.Integration.Web;

/// <summary>Validation messages that no page writes (model binding, attributes without a message) follow the visitor's language.</summary>
[Collection(AccountsCollection.Name)]
public sealed class ValidationMessagesTests(MailAppFixture fixture)
{
    private static readonly string[] FrameworkEnglish =
        ["field is required", "is invalid", "is not valid for", "must be a number", "must be a string", "maximum length", "The value '"];

    private static async Task<IHtmlDocument> PostCampaignAsync(HttpClient client, params KeyValuePair<string, string>[] values)
    {
        var form = (await client.GetPageAsync("/admin/campagnes/edition")).Page.QuerySelector<IHtmlFormElement>("form.campaign-form")!;
        return await Html.ParseAsync(await client.SubmitPairsAsync(form, values));
    }

    private static KeyValuePair<string, string> Field(string name, string value) => new(name, value);

    private static string Message(IHtmlDocument page, string field) => page.Text($"[data-valmsg-for='{field}']");

    [Theory, EveryDatabase]
    public async Task MissingEnumAndDate_AndTooLongName_OnAFrenchPage_AreInFrench(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var client = await ContentSteps.EditorAsync(app);

        var page = await PostCampaignAsync(client,
            Field("Input.Name", new string('x', 201)), Field("Input.StartsOn", "le 3 mai"), Field("Input.Channels", "Fair"), Field("Input.Status", ""));

        Assert.Equal("Le nom ne doit pas dépasser 200 caractères.", Message(page, "Input.Name"));
        Assert.Equal("Ce champ est obligatoire.", Message(page, "Input.Status"));
        Assert.Equal("La valeur « le 3 mai » n’est pas valide.", Message(page, "Input.StartsOn"));
    }

    [Theory, EveryDatabase]
    public async Task MissingEnumAndDate_AndTooLongName_OnAnEnglishPage_AreInEnglish(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var client = await (await ContentSteps.EditorAsync(app)).InEnglishAsync();

        var page = await PostCampaignAsync(client,
            Field("Input.Name", new string('x', 201)), Field("Input.StartsOn", "le 3 mai"), Field("Input.Channels", "Fair"), Field("Input.Status", "zzz"));

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("The name must not be longer than 200 characters.", Message(page, "Input.Name"));
        Assert.Equal("The value “zzz” is not valid.", Message(page, "Input.Status"));
        Assert.Equal("The value “le 3 mai” is not valid.", Message(page, "Input.StartsOn"));
    }

    [Fact]
    public async Task InvalidPosts_ShowNoneOfTheFrameworksEnglishMessages()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);
        var editor = await ContentSteps.EditorAsync(app);
        var campaign = await CampaignSteps.ArrangeAsync(app);
        var landing = (await editor.GetPageAsync($"/admin/campagnes/{campaign.Id}/pages/{campaign.LandingPageId}")).Page.QuerySelector<IHtmlFormElement>("form.block-form")!;
        var anonymous = app.CreateBrowserlessClient();
        var signInForm = (await anonymous.GetPageAsync("/compte/connexion")).Page.QuerySelector<IHtmlFormElement>("main form")!;

        var pages = new List<string>
        {
            (await PostCampaignAsync(editor, Field("Input.Status", ""), Field("Input.StartsOn", ""), Field("Input.Name", ""))).DocumentElement.OuterHtml,
            (await PostCampaignAsync(editor, Field("Input.Status", "zzz"), Field("Input.StartsOn", "31/02/2026"), Field("Input.CreationKey", "pas-un-guid"), Field("Input.Channels", "Rien"))).DocumentElement.OuterHtml,
            await (await editor.SubmitPairsAsync(landing, [Field("NewBlock.Kind", ""), Field("NewBlock.ContentIds", "abc")])).Content.ReadAsStringAsync(),
            await (await anonymous.SubmitPairsAsync(signInForm, [Field("Input.Email", ""), Field("Input.Password", "")])).Content.ReadAsStringAsync(),
        };

        Assert.All(pages, html => Assert.DoesNotContain(FrameworkEnglish, english => html.Contains(english, StringComparison.OrdinalIgnoreCase)));
        Assert.All(pages, html => Assert.Contains("field-validation-error", html, StringComparison.Ordinal));
    }

    private sealed class AnnotatedForm
    {
        public string Name { get; set; } = "";
        [Required] public string? Title { get; set; }
        [StringLength(5)] public string? Code { get; set; }
        [MaxLength(3)] public string? Short { get; set; }
        [Range(1, 10)] public int Rating { get; set; }
        [EmailAddress] public string? Email { get; set; }
        [Url] public string? Website { get; set; }
    }

    private static async Task<Dictionary<string, string>> ValidateAsync(EscaleAppFactory app, string culture)
    {
        await using var scope = app.Scope();
        var context = new ActionContext(new DefaultHttpContext { RequestServices = scope.ServiceProvider }, new RouteData(), new ActionDescriptor());
        var form = new AnnotatedForm { Name = null!, Code = "123456", Short = "abcd", Rating = 11, Email = "pas-une-adresse", Website = "www.example" };
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            scope.ServiceProvider.GetRequiredService<IObjectModelValidator>().Validate(context, null, "", form);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
        return context.ModelState.ToDictionary(e => e.Key, e => Assert.Single(e.Value!.Errors).ErrorMessage);
    }

    [Fact]
    public async Task AttributesWithoutAMessage_AndTheInferredRequired_GetFrenchMessages_TranslatedForEnglishVisitors()
    {
        var app = await fixture.AppAsync(DatabaseProvider.Sqlite);

        var french = await ValidateAsync(app, "fr-FR");
        var english = await ValidateAsync(app, "en-GB");

        Assert.Equal(new Dictionary<string, string>
        {
            ["Name"] = "Ce champ est obligatoire.",
            ["Title"] = "Ce champ est obligatoire.",
            ["Code"] = "Ce champ ne doit pas dépasser 5 caractères.",
            ["Short"] = "Ce champ ne doit pas dépasser 3 caractères.",
            ["Rating"] = "La valeur doit être comprise entre 1 et 10.",
            ["Email"] = "Indiquez une adresse e-mail valide.",
            ["Website"] = "Indiquez une adresse web complète, commençant par https://.",
        }, french);
        Assert.Equal(new Dictionary<string, string>
        {
            ["Name"] = "Please fill in this field.",
            ["Title"] = "Please fill in this field.",
            ["Code"] = "This must not be longer than 5 characters.",
            ["Short"] = "This must not be longer than 3 characters.",
            ["Rating"] = "The value must be between 1 and 10.",
            ["Email"] = "Enter a valid e-mail address.",
            ["Website"] = "Enter a full web address, starting with https://.",
        }, english);
    }
}
