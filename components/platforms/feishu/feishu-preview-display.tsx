"use client";

import { AreaChart, BarChart3, ChartColumn, ChartPie, ChartScatter, ImageIcon, LineChart, Radar } from "lucide-react";
import { isRecord } from "@/lib/platforms/issues";
import { Avatar, content, FeishuText, records, shortId, str, type PartProps, type PreviewContext } from "./feishu-preview-shared";

export function DivView({ node, ctx }: PartProps) {
  return <FeishuText text={node.text} labels={ctx.labels} />;
}

/** An image stands in as a grey tile naming it: image keys cannot be fetched offline. */
function ImageTile({ label, ratio, className }: { label: string; ratio?: string; className?: string }) {
  return (
    <figure
      className={className ?? "flex w-full flex-col items-center justify-center gap-1 rounded-md bg-[#f2f3f5] text-[#8f959e]"}
      style={{ aspectRatio: ratio }}
    >
      <ImageIcon aria-hidden className="size-6" />
      {label ? <figcaption className="max-w-full truncate px-2 text-xs">{label}</figcaption> : null}
    </figure>
  );
}

export function ImgView({ node }: PartProps) {
  const fill = node.scale_type === "crop_center" || node.size === "stretch" || !str(node.size);
  return (
    <div className={fill ? "w-full" : "w-40 max-w-full"}>
      <ImageTile label={content(node.alt) || content(node.title) || str(node.img_key)} ratio="16 / 9" />
      {content(node.title) ? <p className="mt-1 text-xs text-[#646a73]">{content(node.title)}</p> : null}
    </div>
  );
}

/** How many images each combination shows, its columns, and (triple) a tall first tile. */
const COMBINATIONS: Record<string, { max: number; columns: number }> = {
  double: { max: 2, columns: 2 },
  triple: { max: 3, columns: 2 },
  bisect: { max: 6, columns: 2 },
  trisect: { max: 9, columns: 3 },
};

export function ImgCombinationView({ node, ctx }: PartProps) {
  const mode = COMBINATIONS[str(node.combination_mode)] ?? COMBINATIONS.bisect!;
  const images = records(node.img_list).slice(0, mode.max);
  const triple = node.combination_mode === "triple";
  return (
    <div
      role="img"
      aria-label={ctx.t("imageCombination", { count: images.length })}
      className="grid w-full gap-1 overflow-hidden"
      style={{ gridTemplateColumns: `repeat(${mode.columns}, minmax(0, 1fr))`, borderRadius: str(node.corner_radius) || "6px" }}
    >
      {images.map((image, i) => (
        <div key={i} className="flex items-center justify-center bg-[#f2f3f5] text-[#8f959e]" style={triple && i === 0 ? { gridRow: "span 2" } : { aspectRatio: "1 / 1" }}>
          <ImageIcon aria-hidden className="size-5" />
          <span className="sr-only">{str(image.img_key)}</span>
        </div>
      ))}
    </div>
  );
}

const CHART_ICONS: Record<string, typeof BarChart3> = {
  bar: ChartColumn, line: LineChart, area: AreaChart, pie: ChartPie, scatter: ChartScatter, radar: Radar,
};
const CHART_TYPES = ["bar", "line", "area", "pie", "scatter", "radar", "funnel", "wordCloud", "gauge", "circularProgress", "sankey", "histogram", "heatmap", "common"];

/** What chart a VChart spec draws, by name ("Bar chart"); its title too when it has one. */
export function chartName(ctx: PreviewContext, spec: Record<string, unknown>): string {
  const type = str(spec.type);
  return CHART_TYPES.includes(type) ? ctx.t(`chartTypes.${type}`) : ctx.t("chartOther", { type: type || "?" });
}

/** The chart as a labelled placeholder in the shape it declares: aspect_ratio, or a fixed height. */
export function ChartView({ node, ctx }: PartProps) {
  const spec = isRecord(node.chart_spec) ? node.chart_spec : {};
  const name = chartName(ctx, spec);
  const title = isRecord(spec.title) ? str(spec.title.text) : "";
  const height = /^(\d+)px$/.exec(str(node.height));
  const ratio = (str(node.aspect_ratio) || "16:9").replace(":", " / ");
  const Icon = CHART_ICONS[str(spec.type)] ?? BarChart3;
  return (
    <figure
      role="img"
      aria-label={title ? `${name}: ${title}` : name}
      className="flex w-full flex-col items-center justify-center gap-1 rounded-md border border-[#dee0e3] bg-white text-[#646a73]"
      style={height ? { height: `${height[1]}px` } : { aspectRatio: ratio }}
    >
      <Icon aria-hidden className="size-8 text-[#3370ff]" />
      <figcaption className="text-xs">{name}</figcaption>
      {title ? <span className="max-w-full truncate px-2 text-sm font-medium text-[#1f2329]">{title}</span> : null}
    </figure>
  );
}

const PERSON_SIZES: Record<string, number> = { extra_small: 16, small: 20, medium: 24, large: 40 };

/** A person: avatar and (placeholder) name; ids cannot be resolved to names offline. */
export function Person({ id, size, showName, showAvatar, ctx }: { id: string; size: number; showName: boolean; showAvatar: boolean; ctx: PreviewContext }) {
  return (
    <span className="inline-flex items-center gap-1 align-middle" title={id}>
      {showAvatar ? <Avatar id={id} size={size} /> : null}
      {showName || !showAvatar ? <span className="text-[#3370ff]">{ctx.t("personName", { id: shortId(id) })}</span> : null}
    </span>
  );
}

export function PersonView({ node, ctx }: PartProps) {
  return (
    <Person id={str(node.user_id)} size={PERSON_SIZES[str(node.size)] ?? 24} showName={node.show_name === true} showAvatar={node.show_avatar !== false} ctx={ctx} />
  );
}

export function PersonListView({ node, ctx }: PartProps) {
  const persons = records(node.persons).map((p) => str(p.id));
  const size = PERSON_SIZES[str(node.size)] ?? 20;
  return (
    <div role="list" aria-label={ctx.t("personList", { count: persons.length })} className="flex flex-wrap items-center gap-x-3 gap-y-1">
      {persons.map((id, i) => (
        <span role="listitem" key={i}>
          <Person id={id} size={size} showName={node.show_name !== false} showAvatar={node.show_avatar !== false} ctx={ctx} />
        </span>
      ))}
    </div>
  );
}
