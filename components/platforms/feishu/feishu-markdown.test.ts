import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FeishuMarkdown } from "./feishu-markdown";

const render = (source: string, locale = "en-US") =>
  renderToStaticMarkup(createElement(FeishuMarkdown, { source, labels: { atAll: "@All", unknownUser: "Unknown user" }, locale }));

describe("FeishuMarkdown", () => {
  it("draws the constructs as elements", () => {
    const html = render("# Title\n**b** *i* ~~s~~ `c`\n- one\n    - two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n---\n> q");
    expect(html).toContain("text-[26px]");
    expect(html).toContain('<strong class="font-semibold">b</strong>');
    expect(html).toContain("<em>i</em>");
    expect(html).toContain("<s>s</s>");
    expect(html).toContain(">c</code>");
    expect(html).toContain("◦"); // the nested bullet
    expect(html).toContain("<table");
    expect(html).toContain("<hr");
  });

  it("draws Feishu's tags", () => {
    const html = render(
      "<at id=all></at> <at id=ou_1>Ann</at> <font color='red'>r</font> <text_tag color='blue'>t</text_tag> <number_tag>7</number_tag> " +
        "<person id='' show_name=true></person> <local_datetime millisecond='1552628573000' format_type='date_num'></local_datetime> ![key](img_v2_x)",
    );
    expect(html).toContain("@All");
    expect(html).toContain("@Ann");
    expect(html).toContain('style="color:#f54a45"');
    expect(html).toContain(">t</span>");
    expect(html).toContain(">7</span>");
    expect(html).toContain("Unknown user");
    expect(html).toMatch(/<time[^>]*>2019-03-1[45]<\/time>/);
    expect(html).not.toContain("<img");
  });

  it("never nests one link in another", () => {
    const html = render("<link url='https://a.b'>[in](https://c.d) <number_tag url='https://e.f'>1</number_tag></link>");
    expect(html.match(/<a /g)).toHaveLength(1);
    expect(html).toContain('href="https://a.b"');
  });

  it("pages a table five rows at a time", () => {
    const rows = Array.from({ length: 7 }, (_, k) => `| r${k} |`).join("\n");
    const html = render(`| h |\n|---|\n${rows}`);
    expect(html).toContain("r4");
    expect(html).not.toContain("r5");
    expect(html).toContain("1/2");
  });

  it("never lets card text inject HTML or a script link", () => {
    const html = render(
      [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "<a href='javascript:alert(1)'>a</a>",
        "<link url='javascript:alert(1)'>l</link>",
        "<number_tag url='javascript:alert(1)'>1</number_tag>",
        "<local_datetime link='javascript:alert(1)'></local_datetime>",
        "<font color='red;background:url(javascript:alert(1))'>f</font>",
        "<text_tag color='\"><script>alert(1)</script>'>t</text_tag>",
        "[x](JaVaScRiPt:alert(1)) <https://ok.example> [d](data:text/html;base64,PHNjcmlwdD4=)",
      ].join("\n"),
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/href="(?!https?:)/i);
    expect(html).not.toMatch(/javascript:[^<]*"/i); // only ever as escaped text, never inside an attribute
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain('href="https://ok.example"');
  });
});
