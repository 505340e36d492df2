using System.Text;
using System.Text.Encodings.Web;

namespace Watchbot.Web.Pages;

/// <summary>Small helpers for hand-written HTML: every text goes through <see cref="E"/>.</summary>
internal static class Html
{
    public static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    public static string Attr(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    public static string Url(string? text) => UrlEncoder.Default.Encode(text ?? "");

    /// <summary>The page around <paramref name="body"/>: a header with the topics and the sign-in state, readable on a phone.</summary>
    public static string Page(string title, string body, string? signedInAs = null, string? headExtra = null)
    {
        var sb = new StringBuilder(body.Length + 2048);
        sb.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
          .Append("<title>").Append(E(title)).Append(" · Watchbot</title>")
          .Append(headExtra ?? "")
          .Append("<style>").Append(Css).Append("</style></head><body>")
          .Append("<header><a class=\"brand\" href=\"/\">Watchbot</a><nav>")
          .Append("<a href=\"/\">Topics</a>");
        if (signedInAs is not null)
        {
            sb.Append("<a href=\"/review\">Review</a><span class=\"who\">").Append(E(signedInAs)).Append("</span>");
        }

        sb.Append("</nav></header><main>").Append(body).Append("</main></body></html>");
        return sb.ToString();
    }

    private const string Css = """
        :root{--ink:#1d2330;--muted:#5b6476;--line:#d9dde5;--accent:#0b5cad;--bg:#fbfbfc}
        *{box-sizing:border-box}body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
        header{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;padding:.6rem 1rem;background:#1d2330;color:#fff}
        header a{color:#fff;text-decoration:none}header nav{display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
        .brand{font-weight:700}.who{color:#c9d1e0;font-size:.9rem}
        main{max-width:52rem;margin:0 auto;padding:1rem}
        h1{font-size:1.5rem;margin:.2rem 0 .8rem}h2{font-size:1.15rem;margin:1.4rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
        a{color:var(--accent)}.muted{color:var(--muted)}.small{font-size:.88rem}
        .event{background:#fff;border:1px solid var(--line);border-radius:6px;padding:.6rem .8rem;margin:.5rem 0}
        .event .event{border:0;padding:0;margin:0;background:none}.event h3{font-size:1rem;margin:0 0 .3rem}.tags{display:flex;flex-wrap:wrap;gap:.3rem;margin:.2rem 0}
        .tag{font-size:.78rem;border-radius:3px;padding:.05rem .4rem;background:#eef1f6;color:var(--ink)}
        .k-escalation{background:#fde2e1}.k-casualties{background:#fff0c9}.k-ceasefire{background:#dff3e4}.k-displacement{background:#e3ecfb}.k-prisoners{background:#efe4f8}
        blockquote{margin:.3rem 0 .3rem .2rem;padding-left:.6rem;border-left:3px solid var(--line);color:#333}
        ul.sources{padding-left:1.1rem;margin:.3rem 0}ul.sources li{margin:.25rem 0}
        form.filters{display:grid;grid-template-columns:repeat(auto-fit,minmax(11rem,1fr));gap:.5rem;background:#fff;border:1px solid var(--line);border-radius:6px;padding:.6rem .8rem}
        fieldset{border:0;margin:0;padding:0}legend{font-weight:600;font-size:.9rem}label{font-size:.9rem}
        input,select,button{font:inherit}input[type=text],input[type=date],input[type=number],select{width:100%;padding:.3rem;border:1px solid #b9c0cc;border-radius:4px;background:#fff}
        button{padding:.35rem .8rem;border:1px solid var(--accent);background:var(--accent);color:#fff;border-radius:4px;cursor:pointer}
        button.secondary{background:#fff;color:var(--accent)}button.danger{background:#a32020;border-color:#a32020}
        .actions{display:flex;flex-wrap:wrap;gap:.4rem;align-items:flex-end;margin-top:.5rem}.actions form{display:inline}
        details{margin-top:.4rem}table{border-collapse:collapse;width:100%;font-size:.9rem}td,th{border-bottom:1px solid var(--line);padding:.25rem .35rem;text-align:left;vertical-align:top}
        .chart{background:#fff;border:1px solid var(--line);border-radius:6px;padding:.4rem}.chart svg{width:100%;height:auto;display:block}
        .notice{background:#fff7d6;border:1px solid #e6cf73;padding:.5rem .8rem;border-radius:6px}.error{background:#fde2e1;border-color:#e59a97}
        .reason{font-size:.9rem;color:#7a4b00}
        """;
}
