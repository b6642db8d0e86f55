import { describe, expect, it } from "vitest";
import { parseMarkdown, type Block, type Inline } from "./markdown";
import { fontColor, namedColor, textTagStyle } from "./markdown-colors";
import { formatLocalDatetime } from "./markdown-datetime";
import { parseInline, safeHref } from "./markdown-inline";

const text = (t: string): Inline => ({ type: "text", text: t });
const para = (...children: Inline[]): Block => ({ type: "paragraph", children });

describe("inline markdown", () => {
  it.each<[string, string, Inline[]]>([
    ["bold", "a **b** c", [text("a "), { type: "strong", children: [text("b")] }, text(" c")]],
    ["bold with underscores", "__b__", [{ type: "strong", children: [text("b")] }]],
    ["italic", "*i*", [{ type: "em", children: [text("i")] }]],
    ["strike", "~~s~~", [{ type: "strike", children: [text("s")] }]],
    ["a single tilde is text", "~a~", [text("~a~")]],
    ["nested", "**b *i***", [{ type: "strong", children: [text("b "), { type: "em", children: [text("i")] }] }]],
    ["bold in CJK text", "中文**粗体**中文", [text("中文"), { type: "strong", children: [text("粗体")] }, text("中文")]],
    ["intraword underscore stays", "snake_case_name", [text("snake_case_name")]],
    ["unclosed bold", "**open", [text("**open")]],
    ["code", "`a*b*`", [{ type: "code", text: "a*b*" }]],
    ["code with backticks inside", "`` a`b ``", [{ type: "code", text: "a`b" }]],
    ["unclosed code", "`open", [text("`open")]],
    ["line break", "a\nb", [text("a"), { type: "break" }, text("b")]],
    ["br tag", "a<br>b<br/>c", [text("a"), { type: "break" }, text("b"), { type: "break" }, text("c")]],
    ["escape", "\\*not\\*", [text("*not*")]],
    ["entities", "&#42;x&#42; &lt;b&gt; &sim;", [text("*x* <b> ~")]],
    ["link", "[site](https://open.feishu.cn)", [{ type: "link", href: "https://open.feishu.cn", children: [text("site")] }]],
    ["lark link", "[chat](lark://client/chat)", [{ type: "link", href: "lark://client/chat", children: [text("chat")] }]],
    ["javascript link is text", "[x](javascript:alert(1))", [text("x")]],
    ["data link is text", "[x](data:text/html,hi)", [text("x")]],
    ["tel link is text on desktop", "[call](tel://123)", [text("call")]],
    ["link without url", "[x] (y)", [text("[x] (y)")]],
    ["bare url", "see https://a.b/c.", [text("see "), { type: "link", href: "https://a.b/c", children: [text("https://a.b/c")] }, text(".")]],
    ["autolink", "<https://a.b>", [{ type: "link", href: "https://a.b", children: [text("https://a.b")] }]],
    ["image", "![hover](img_v2_abc)", [{ type: "image", imageKey: "img_v2_abc", alt: "hover" }]],
    ["font", "<font color='red'>r</font>", [{ type: "font", color: "#f54a45", children: [text("r")] }]],
    ["font shade", "<font color=blue-500>b</font>", [{ type: "font", color: "#3370ff", children: [text("b")] }]],
    ["font unknown colour", "<font color='expression(x)'>p</font>", [{ type: "font", color: undefined, children: [text("p")] }]],
    ["font nesting", "<font color=red>r<font color=green>g</font></font>", [{ type: "font", color: "#f54a45", children: [text("r"), { type: "font", color: "#32a645", children: [text("g")] }] }]],
    ["unclosed font", "<font color=red>r", [text("<font color=red>r")]],
    ["stray close", "a</font>", [text("a</font>")]],
    ["at all", "<at id=all></at>", [{ type: "at", all: true, id: "all", name: "" }]],
    ["at user", "<at id=ou_1>Ann</at>", [{ type: "at", all: false, id: "ou_1", name: "Ann" }]],
    ["at email", "<at email=a@b.c></at>", [{ type: "at", all: false, id: "a@b.c", name: "" }]],
    ["at ids", "<at ids=ou_1,ou_2></at>", [{ type: "at", all: false, id: "ou_1", name: "" }, { type: "at", all: false, id: "ou_2", name: "" }]],
    ["unclosed at", "<at id=all>", [text("<at id=all>")]],
    ["a tag", "<a href='https://x.y'></a>", [{ type: "link", href: "https://x.y", children: [text("https://x.y")] }]],
    ["a tag with unsafe href", "<a href='javascript:x'>t</a>", [text("t")]],
    [
      "link tag prefers pc_url",
      "<link icon='chat_outlined' url='https://a.b' pc_url='https://pc.b' ios_url='' android_url=''>go</link>",
      [{ type: "link", href: "https://pc.b", icon: "chat_outlined", children: [text("go")] }],
    ],
    ["text_tag", "<text_tag color='red'>hot</text_tag>", [{ type: "textTag", color: "red", children: [text("hot")] }]],
    ["number_tag", "<number_tag>1</number_tag>", [{ type: "numberTag", value: 1 }]],
    [
      "number_tag styled",
      "<number_tag background_color='grey' font_color='white' url='https://a.b'>12</number_tag>",
      [{ type: "numberTag", value: 12, background: "#8f959e", color: undefined, href: "https://a.b" }],
    ],
    ["number_tag out of range", "<number_tag>100</number_tag>", [text("<number_tag>100</number_tag>")]],
    ["datetime", "<local_datetime millisecond='1552628573000' format_type='week'></local_datetime>", [{ type: "datetime", ms: 1552628573000, format: "week" }]],
    ["datetime defaults", "<local_datetime></local_datetime>", [{ type: "datetime", ms: null, format: "date_num" }]],
    ["datetime malformed", "<local_datetime millisecond='soon'></local_datetime>", [text("<local_datetime millisecond='soon'></local_datetime>")]],
    [
      "person as in the docs",
      "<person id = 'ou_449b' show_name = true show_avatar = false style = 'capsule'></person>",
      [{ type: "person", id: "ou_449b", showName: true, showAvatar: false, style: "capsule" }],
    ],
    ["raw", "<raw>**not bold**</raw>", [text("**not bold**")]],
    ["script stays text", "<script>alert(1)</script>", [text("<script>alert(1)</script>")]],
    ["img tag stays text", "<img src=x onerror=alert(1)>", [text("<img src=x onerror=alert(1)>")]],
    ["emoji code stays text", ":OK::THUMBSUP:", [text(":OK::THUMBSUP:")]],
    ["unterminated attribute", "<font color='red>x", [text("<font color='red>x")]],
    ["link inside link: inner wins", "[a [b](https://b) c](https://a)", [text("[a "), { type: "link", href: "https://b", children: [text("b")] }, text(" c]("), { type: "link", href: "https://a", children: [text("https://a")] }, text(")")]],
    ["bold around a tag", "**<font color=red>x</font>**", [{ type: "strong", children: [{ type: "font", color: "#f54a45", children: [text("x")] }] }]],
  ])("%s", (_name, source, expected) => {
    expect(parseInline(source)).toEqual(expected);
  });
});

describe("block markdown", () => {
  it.each<[string, string, Block[]]>([
    ["headings", "# One\n###### Six", [{ type: "heading", level: 1, children: [text("One")] }, { type: "heading", level: 6, children: [text("Six")] }]],
    ["seven #s are text", "####### x", [para(text("####### x"))]],
    ["#tag without space is text", "#tag", [para(text("#tag"))]],
    ["closing hashes", "## Title ##", [{ type: "heading", level: 2, children: [text("Title")] }]],
    ["setext heading", "Title\n---", [{ type: "heading", level: 2, children: [text("Title")] }]],
    ["rule", "a\n\n---\n\nb", [para(text("a")), { type: "hr" }, para(text("b"))]],
    ["hr tag", "<hr>\n<hr/>", [{ type: "hr" }, { type: "hr" }]],
    ["paragraphs", "a\nb\n\nc", [para(text("a"), { type: "break" }, text("b")), para(text("c"))]],
    ["fenced code", "```JSON\n{\"a\": 1}\n```", [{ type: "code", lang: "JSON", text: '{"a": 1}' }]],
    ["tilde fence", "~~~\n**x**\n~~~", [{ type: "code", lang: "", text: "**x**" }]],
    ["unclosed fence runs to the end", "```\na\nb", [{ type: "code", lang: "", text: "a\nb" }]],
    ["indented code", "    code\n    more", [{ type: "code", lang: "", text: "code\nmore" }]],
    ["quote with lazy line (Feishu's example)", "> quote\nmore", [{ type: "quote", children: [para(text("quote"), { type: "break" }, text("more"))] }]],
    ["nested quote", "> a\n>> b", [{ type: "quote", children: [para(text("a")), { type: "quote", children: [para(text("b"))] }] }]],
    [
      "bullets nested by 4 spaces",
      "- a\n    - b\n- c",
      [{ type: "list", ordered: false, start: 1, items: [[para(text("a")), { type: "list", ordered: false, start: 1, items: [[para(text("b"))]] }], [para(text("c"))]] }],
    ],
    [
      "ordered nested",
      "1. a\n    1. b\n2. c",
      [{ type: "list", ordered: true, start: 1, items: [[para(text("a")), { type: "list", ordered: true, start: 1, items: [[para(text("b"))]] }], [para(text("c"))]] }],
    ],
    ["ordered start", "3) x", [{ type: "list", ordered: true, start: 3, items: [[para(text("x"))]] }]],
    ["a number is not a list", "2024.5 was fine", [para(text("2024.5 was fine"))]],
    ["bullet then ordered are two lists", "- a\n1. b", [
      { type: "list", ordered: false, start: 1, items: [[para(text("a"))]] },
      { type: "list", ordered: true, start: 1, items: [[para(text("b"))]] },
    ]],
    [
      "table",
      "| a | b |\n| :-: | --: |\n| 1 | `\\|` |\n| 2 |",
      [{ type: "table", align: ["center", "right"], head: [[text("a")], [text("b")]], rows: [[[text("1")], [{ type: "code", text: "|" }]], [[text("2")], []]] }],
    ],
    ["table needs a delimiter row", "| a | b |\n| c | d |", [para(text("| a | b |"), { type: "break" }, text("| c | d |"))]],
    ["table with mismatched columns is text", "| a | b |\n| - |", [para(text("| a | b |"), { type: "break" }, text("| - |"))]],
  ])("%s", (_name, source, expected) => {
    expect(parseMarkdown(source)).toEqual(expected);
  });

  it("keeps CRLF input", () => {
    expect(parseMarkdown("a\r\nb")).toEqual([para(text("a"), { type: "break" }, text("b"))]);
  });
});

describe("hostile input", () => {
  const size = 100_000;
  const fill = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  // Each input defeats a naive parser: an opener whose closer never comes, searched for again
  // at every later opener, or nesting that a recursive parser follows to a stack overflow.
  it.each([
    ["asterisks", fill("*")],
    ["bold openers", fill("**a ")],
    ["closers that cannot open", fill("a** ")],
    ["mixed emphasis", fill("*_~~*a_ ")],
    ["nested emphasis", fill("*a _b ") + fill("c* d_ ")],
    ["brackets", fill("[")],
    ["bracket then paren", fill("[a](")],
    ["link openers", fill("](")],
    ["angle brackets", fill("<")],
    ["unterminated attributes", fill("<a b='")],
    ["mixed quotes", fill("<a b='<c d=\"")],
    ["unclosed containers", fill("<font color=red>")],
    ["unclosed atoms", fill("<at id=all>")],
    ["stray closers", fill("</font>")],
    ["backtick runs", Array.from({ length: 400 }, (_, k) => "`".repeat(k + 1) + "x").join("").slice(0, size)],
    ["ampersands", fill("&")],
    ["entity lookalikes", fill("&#12345")],
    ["urls", fill("https://")],
    ["escapes", fill("\\")],
    ["newlines", fill("\n")],
    ["quotes", fill(">")],
    ["nested lists", Array.from({ length: 2000 }, (_, k) => " ".repeat(k * 2) + "- x").join("\n").slice(0, size)],
    ["list markers", fill("- ")],
    ["pipes", fill("|a|\n|-|\n")],
    ["fences", fill("```\n")],
    ["spaces then text", " ".repeat(size - 1) + "x"],
    ["hashes", fill("# ")],
  ])("%s: a bounded number of steps per character", (_name, source) => {
    const stats = { steps: 0 };
    expect(() => parseMarkdown(source, stats)).not.toThrow();
    expect(stats.steps).toBeLessThan(source.length * 40);
  });
});

describe("colours", () => {
  it.each<[string, string | undefined]>([
    ["red", "#f54a45"],
    ["grey", "#8f959e"],
    ["grey-650", "#51565d"],
    ["carmine", "#d23b84"],
    ["blue-100", "#e1eaff"],
    ["blue-500", "#3370ff"],
    ["blue-50", "#f0f5ff"],
    ["default", "inherit"],
    ["#123abc", "#123abc"],
    ["rgba(1, 2, 3, 0.5)", "rgba(1, 2, 3, 0.5)"],
    ["rgb(300, 0, 0)", undefined],
    ["blue-123", undefined],
    ["chartreuse", undefined],
    ["red;background:url(x)", undefined],
  ])("font colour %s", (value, expected) => {
    expect(fontColor(value)).toBe(expected);
  });

  it("names only Feishu colours", () => {
    expect(namedColor("neutral")).toBe("#8f959e");
    expect(namedColor("nope")).toBeUndefined();
  });

  it("draws an unknown tag colour as neutral", () => {
    expect(textTagStyle("nope")).toEqual(textTagStyle("neutral"));
    expect(textTagStyle("red").background).toBe("#fde2e2");
  });
});

describe("local_datetime formats", () => {
  // 2019-03-15 13:42:53 in Shanghai, the docs' example date.
  const ms = Date.UTC(2019, 2, 15, 5, 42, 53);
  it.each([
    ["date_num", "en-US", "2019-03-15"],
    ["date_short", "en-US", "Mar 15"],
    ["date_short", "zh-CN", "3月15日"],
    ["date", "en-US", "Mar 15, 2019"],
    ["date", "zh-CN", "2019年3月15日"],
    ["week", "en-US", "Friday"],
    ["week", "zh-CN", "星期五"],
    ["week_short", "en-US", "Fri"],
    ["week_short", "zh-CN", "周五"],
    ["time", "en-US", "13:42"],
    ["time_sec", "en-US", "13:42:53"],
    ["timezone", "en-US", "GMT+8:00"],
  ] as const)("%s in %s", (format, locale, expected) => {
    expect(formatLocalDatetime(ms, format, locale, "Asia/Shanghai")).toBe(expected);
  });

  it("writes UTC and negative zones the Feishu way", () => {
    expect(formatLocalDatetime(ms, "timezone", "en-US", "UTC")).toBe("GMT+0:00");
    expect(formatLocalDatetime(ms, "timezone", "en-US", "America/St_Johns")).toBe("GMT-2:30");
  });
});

describe("safeHref", () => {
  it.each([
    ["https://a.b", "https://a.b"],
    ["HTTP://a.b", "HTTP://a.b"],
    ["lark://x", "lark://x"],
    ["applink://x", "applink://x"],
    ["javascript:alert(1)", undefined],
    ["  javascript:alert(1)", undefined],
    ["jav\tascript:x", undefined],
    ["//evil.com", undefined],
    ["https://a.b\" onclick=\"x", undefined],
  ])("%s", (url, expected) => {
    expect(safeHref(url)).toBe(expected);
  });
});

describe("markdown on hostile input", () => {
  // A card may hold 30 KB of markdown: the preview parses it on every render.
  it("drops trailing spaces before a break in linear time", () => {
    const started = performance.now();
    const blocks = parseMarkdown(`a${" ".repeat(30_000)}x  \nb${" ".repeat(30_000)}x\\\nc`);
    expect(performance.now() - started).toBeLessThan(300);
    expect(blocks).toEqual([para(text(`a${" ".repeat(30_000)}x`), { type: "break" }, text(`b${" ".repeat(30_000)}x`), { type: "break" }, text("c"))]);
  });
});
