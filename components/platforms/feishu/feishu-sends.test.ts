import { describe, expect, it } from "vitest";
import { FEISHU_INTERACTIVE_TAGS } from "@/lib/platforms/feishu/limits";
import { feishuSends } from "./feishu-sends";

describe("what each Feishu component sends", () => {
  it("names a field for every interactive tag and the interactive container", () => {
    for (const tag of [...FEISHU_INTERACTIVE_TAGS, "interactive_container"]) expect(feishuSends(tag), tag).not.toBeNull();
  });

  it("reads the callback page's action fields", () => {
    expect(feishuSends("select_static")).toEqual({ kind: "option", inForm: true });
    expect(feishuSends("multi_select_person")).toEqual({ kind: "options", inForm: true });
    expect(feishuSends("checker")).toEqual({ kind: "checked", inForm: true });
    expect(feishuSends("select_img")).toEqual({ kind: "image", inForm: true });
    expect(feishuSends("input")).toEqual({ kind: "input", inForm: true });
    expect(feishuSends("picker_time")).toEqual({ kind: "picker", inForm: true });
    // Buttons and overflows fire; a form never collects a value from them.
    expect(feishuSends("overflow")).toEqual({ kind: "option", inForm: false });
    expect(feishuSends("button")).toEqual({ kind: "button", inForm: false });
  });

  it("has nothing for display components", () => {
    expect(feishuSends("markdown")).toBeNull();
    expect(feishuSends("table")).toBeNull();
  });
});
