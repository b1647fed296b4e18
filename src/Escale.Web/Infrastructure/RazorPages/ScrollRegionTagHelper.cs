using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Escale.Web.Infrastructure.RazorPages;

/// <summary>
/// <c>&lt;table scroll-region="Communes"&gt;</c>: a table wider than a phone scrolls inside its own region instead of
/// the page. The region is named and focusable so that keyboard users can scroll it too
/// (https://dequeuniversity.com/rules/axe/4.10/scrollable-region-focusable).
/// </summary>
[HtmlTargetElement("table", Attributes = AttributeName)]
public sealed class ScrollRegionTagHelper : TagHelper
{
    private const string AttributeName = "scroll-region";

    /// <summary>What the region holds, read out when it receives focus.</summary>
    [HtmlAttributeName(AttributeName)]
    public string Label { get; set; } = "";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var region = new TagBuilder("div");
        region.AddCssClass("scroll-region");
        region.Attributes["role"] = "region";
        region.Attributes["aria-label"] = Label;
        region.Attributes["tabindex"] = "0";
        output.PreElement.AppendHtml(region.RenderStartTag());
        output.PostElement.AppendHtml(region.RenderEndTag());
    }
}
