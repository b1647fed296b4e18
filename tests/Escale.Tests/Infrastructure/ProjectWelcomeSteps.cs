using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.Identity;
using Escale.Core.Welcome;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Escale.Tests.Infrastructure;

/// <summary>
/// The applications of the « Mon projet d'installation » tests: mail to a <see cref="SmtpSink"/> and a clock that
/// stands on Thursday 24 December 2026, 10:00 in Paris, the eve of a public holiday before a weekend.
/// </summary>
public sealed class ProjectAppFixture : MailAppFixture
{
    public static readonly DateTimeOffset Now = new(2026, 12, 24, 9, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Now);

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

[CollectionDefinition(Name)]
public sealed class ProjectCollection : ICollectionFixture<ProjectAppFixture>
{
    public const string Name = "Project";
}

/// <summary>What a household does with /mon-projet, as a browser without JavaScript would do it.</summary>
public static class ProjectWelcomeSteps
{
    public const string Password = MailAppFixture.Password;

    /// <summary>The answers of each step, as form fields (a name given twice is a list: checkboxes, a multiple select).</summary>
    public sealed class Answers
    {
        public List<(string Name, string Value)> Household { get; init; } =
        [
            ("Input.Adults[0].FirstName", "Claire"), ("Input.Adults[0].LastName", "Martin"), ("Input.Adults[0].Wish", "Job"),
            ("Input.Adults[1].FirstName", "Marc"), ("Input.Adults[1].Wish", "KeepRemoteJob"),
            ("Input.ChildrenAges", "6, 11"),
        ];
        public List<(string Name, string Value)> Places { get; init; } = [("Input.Anywhere", "true"), ("Input.Timeline", "WithinYear")];
        public List<(string Name, string Value)> Housing { get; init; } = [("Input.Housing", "Rent"), ("Input.HousingBudget", "900")];
        public List<(string Name, string Value)> Source { get; init; } = [("Input.HeardFrom", "FamilyOrFriends")];
        public List<(string Name, string Value)> Account { get; init; } = [];

        public static List<(string Name, string Value)> NewAccount(string email) =>
        [
            ("Input.Name", "Claire Martin"), ("Input.Email", email), ("Input.Password", Password), ("Input.ConfirmPassword", Password),
            ("Input.ConsentAccompaniment", "true"),
        ];
    }

    public static async Task<IHtmlDocument> StartProjectAsync(this HttpClient client) =>
        (await client.GetPageAsync("/mon-projet")).Page;

    /// <summary>Presses the button <paramref name="go"/> with the page's fields and <paramref name="values"/> (which replace fields of the same name).</summary>
    public static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> StepAsync(
        this HttpClient client, IHtmlDocument page, string go, IEnumerable<(string Name, string Value)> values)
    {
        var form = page.QuerySelector<IHtmlFormElement>("main form") ?? throw new InvalidOperationException("The page has no form.");
        var given = values.ToList();
        var fields = FieldsOf(form).Where(f => given.TrueForAll(g => g.Name != f.Key)).ToList();
        fields.AddRange(given.Select(g => new KeyValuePair<string, string>(g.Name, g.Value)));
        fields.Add(new("Go", go));
        var response = await client.PostAsync(new Uri(Html.ActionOf(form).PathAndQuery, UriKind.Relative), new FormUrlEncodedContent(fields));
        return (response, await Html.ParseAsync(response));
    }

    public static Task<(HttpResponseMessage Response, IHtmlDocument Page)> StepAsync(this HttpClient client, IHtmlDocument page, string go, params (string Name, string Value)[] values) =>
        client.StepAsync(page, go, values.AsEnumerable());

    /// <summary>Plays the five steps; returns the last answer (a redirect to the confirmation when all went well).</summary>
    public static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> PlayProjectAsync(this HttpClient client, Answers answers)
    {
        var page = await client.StartProjectAsync();
        foreach (var (step, values) in new[] { (1, answers.Household), (2, answers.Places), (3, answers.Housing), (4, answers.Source) })
        {
            var (response, next) = await client.StepAsync(page, "next", values);
            if (next.QuerySelector("input[name=Step]")?.GetAttribute("value") != (step + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                return (response, next);
            }
            page = next;
        }
        return await client.StepAsync(page, "submit", answers.Account);
    }

    /// <summary>What a browser would send: inputs (checked boxes only), selected options, text areas.</summary>
    public static List<KeyValuePair<string, string>> FieldsOf(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && (input.Type is not ("checkbox" or "radio") || input.IsChecked):
                    fields.Add(new(input.Name, input.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.AddRange(select.Options.Where(o => o.IsSelected && (select.IsMultiple || o.Value.Length > 0)).Select(o => new KeyValuePair<string, string>(select.Name!, o.Value)));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name!, area.Value));
                    break;
            }
        }
        return fields;
    }

    /// <summary>The welcome service of the intercommunality whose name contains <paramref name="name"/>.</summary>
    public static Task<(int IntercommunalityId, int OrganisationId)> ServiceOfAsync(EscaleAppFactory app, string name) =>
        app.WithDbAsync(db => db.WelcomeOrganisations
            .Where(o => o.Kind == WelcomeOrganisationKind.IntercommunalityService && o.Intercommunality!.Name.Contains(name))
            .Select(o => new ValueTuple<int, int>(o.IntercommunalityId!.Value, o.Id)).SingleAsync());

    public static Task<int> OrganisationAsync(EscaleAppFactory app, string key) =>
        app.WithDbAsync(db => db.WelcomeOrganisations.Where(o => o.Key == key).Select(o => o.Id).SingleAsync());

    /// <summary>The case of the household whose account has <paramref name="email"/>, with its assignments.</summary>
    public static Task<List<WelcomeCase>> CasesOfAsync(EscaleAppFactory app, string email)
    {
        var normalized = email.ToUpperInvariant();
        return app.WithDbAsync(db => db.Cases.AsNoTracking().Include(c => c.Assignments).Include(c => c.Events)
            .Where(c => db.Users.Any(u => u.Id == c.HouseholdUserId && u.NormalizedEmail == normalized)).ToListAsync());
    }
}
