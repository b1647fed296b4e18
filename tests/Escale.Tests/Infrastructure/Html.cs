using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Escale.Tests.Infrastructure;

public static class Html
{
    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var content = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        var document = await context.OpenAsync(request => request.Content(content).Address(response.RequestMessage!.RequestUri!));
        return (IHtmlDocument)document;
    }

    /// <summary>The digits of a formatted number: "176 473" (narrow no-break space) and "176,473" both give "176473".</summary>
    public static string Digits(string text) => new(text.Where(char.IsAsciiDigit).ToArray());

    /// <summary>A client whose later requests are in English, as after a click on the language switch.</summary>
    public static async Task<HttpClient> InEnglishAsync(this HttpClient client)
    {
        var response = await client.GetAsync(new Uri("/langue/en?retour=%2F", UriKind.Relative));
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"The language switch answered {(int)response.StatusCode}.");
        }
        return client;
    }

    public static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return (response, await ParseAsync(response));
    }

    public static string Text(this IParentNode document, string selector) =>
        document.QuerySelector(selector)?.TextContent.Trim() ?? throw new InvalidOperationException($"No element matches '{selector}'.");

    /// <summary>Where the form posts: its action (absolute, or relative to the page, as tag helpers write it) or the page itself.</summary>
    public static Uri ActionOf(IHtmlFormElement form) =>
        new(new Uri(form.BaseUri), string.IsNullOrEmpty(form.Action) ? form.BaseUri : form.Action);

    /// <summary>Posts a form the way a browser would: its fields, its anti-forgery token, the given overrides.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlFormElement form, IDictionary<string, string> values)
    {
        var fields = new Dictionary<string, string>();
        foreach (var element in form.Elements.OfType<IHtmlInputElement>())
        {
            if (string.IsNullOrEmpty(element.Name) || (element.Type is "checkbox" or "radio" && !element.IsChecked))
            {
                continue;
            }
            fields[element.Name] = element.Value;
        }
        foreach (var area in form.Elements.OfType<IHtmlTextAreaElement>().Where(a => !string.IsNullOrEmpty(a.Name)))
        {
            fields[area.Name!] = area.Value;
        }
        foreach (var (key, value) in values)
        {
            fields[key] = value;
        }
        return await client.PostAsync(ActionOf(form).PathAndQuery, new FormUrlEncodedContent(fields));
    }
}
