using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Escale.Tests.Infrastructure;

/// <summary>What a person does with the account pages, as a browser would do it.</summary>
public static class AccountSteps
{
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password)
    {
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/compte/connexion", UriKind.Relative)));
        var form = page.QuerySelector<IHtmlFormElement>("main form")!;
        return await client.SubmitAsync(form, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
    }

    /// <summary>Posts a form with repeated names (checkbox lists), which <see cref="Html.SubmitAsync"/>'s dictionary cannot carry.</summary>
    public static async Task<HttpResponseMessage> SubmitPairsAsync(this HttpClient client, IHtmlFormElement form, IEnumerable<KeyValuePair<string, string>> values)
    {
        var token = form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var fields = values.Append(new("__RequestVerificationToken", token));
        return await client.PostAsync(new Uri(Html.ActionOf(form).PathAndQuery, UriKind.Relative), new FormUrlEncodedContent(fields));
    }
}
