"use client";

import { clsx } from "clsx";
import { useState, type ReactNode } from "react";
import { isRecord } from "@/lib/platforms/issues";
import { DISCORD_COMPONENT } from "@/lib/platforms/discord/limits";
import { DISCORD_V2_COMPONENT } from "@/lib/platforms/discord/v2/limits";
import type { TreePreviewProps } from "../types";
import { accentHex } from "./discord-accent-color";
import { DiscordButtonView } from "./discord-button-view";
import { DiscordMarkdown } from "./discord-markdown";
import { DiscordMessageFrame } from "./discord-message-frame";
import { DiscordFileView, DiscordGalleryView, DiscordMediaTile, DiscordSpoilerCover, mediaUrl } from "./discord-media-view";
import { DiscordSelectView } from "./discord-select-view";

const str = (value: unknown) => (typeof value === "string" ? value : "");


/** A Container: a card with the accent colour as a bar on its left; a spoiler one is blurred until clicked. */
function ContainerView({ node, children }: { node: Record<string, unknown>; children: ReactNode }) {
  const [revealed, setRevealed] = useState(false);
  const accent = accentHex(node.accent_color);
  const hidden = node.spoiler === true && !revealed;
  return (
    <div className="relative flex max-w-[32rem] overflow-hidden rounded-lg border border-[#3f4147] bg-[#2b2d31]" data-accent={accent ?? "none"}>
      {accent ? <div aria-hidden className="w-1 shrink-0" style={{ background: accent }} /> : null}
      <div className={clsx("min-w-0 flex-1 space-y-2 p-4", hidden && "pointer-events-none blur-md select-none")} aria-hidden={hidden || undefined}>{children}</div>
      {hidden ? <DiscordSpoilerCover onReveal={() => setRevealed(true)} /> : null}
    </div>
  );
}

/**
 * A Components V2 message in the Discord client's dark theme: containers with their accent bar, sections with
 * a thumbnail or button on the right, markdown text, galleries, files, separators and action rows. Using a
 * button or a select reports its index path; a section's accessory button reports the section's.
 */
export function DiscordV2Preview({ layout, tree, onClick }: TreePreviewProps) {
  const render = (node: unknown, path: number[]): ReactNode => {
    if (!isRecord(node)) return null;
    const kids = () => (tree.children(node) ?? []).map((child, i) => <div key={i} className="min-w-0">{render(child, [...path, i])}</div>);
    const type = Number(node.type);
    switch (type) {
      case DISCORD_V2_COMPONENT.container:
        return <ContainerView node={node}>{kids()}</ContainerView>;
      case DISCORD_V2_COMPONENT.section: {
        const accessory = isRecord(node.accessory) ? node.accessory : null;
        return (
          <div className="flex items-start gap-3">
            <div className="min-w-0 flex-1 space-y-1">{kids()}</div>
            {accessory?.type === DISCORD_COMPONENT.button ? <DiscordButtonView component={accessory} onClick={() => onClick(path, {})} /> : null}
            {accessory?.type === DISCORD_V2_COMPONENT.thumbnail ? (
              <DiscordMediaTile url={mediaUrl(accessory.media)} description={str(accessory.description)} spoiler={accessory.spoiler === true} className="size-[5.3rem] shrink-0" />
            ) : null}
          </div>
        );
      }
      case DISCORD_V2_COMPONENT.textDisplay:
        return <div className="text-[0.9375rem] leading-[1.375rem]"><DiscordMarkdown source={str(node.content)} /></div>;
      case DISCORD_V2_COMPONENT.mediaGallery:
        return <DiscordGalleryView items={Array.isArray(node.items) ? node.items : []} />;
      case DISCORD_V2_COMPONENT.file:
        return <DiscordFileView node={node} />;
      case DISCORD_V2_COMPONENT.separator: {
        // spacing 1 small / 2 large padding; divider (default true) draws the line.
        const large = node.spacing === 2;
        return <div className={large ? "py-3" : "py-1"}>{node.divider === false ? null : <hr className="border-[#3f4147]" />}</div>;
      }
      case DISCORD_COMPONENT.actionRow:
        return (
          <div className="flex flex-wrap gap-2">
            {(tree.children(node) ?? []).map((child, i) => {
              if (!isRecord(child)) return null;
              return child.type === DISCORD_COMPONENT.button
                ? <DiscordButtonView key={i} component={child} onClick={() => onClick([...path, i], {})} />
                : <DiscordSelectView key={i} component={child} onChoose={() => onClick([...path, i], {})} />;
            })}
          </div>
        );
      default:
        return null;
    }
  };

  return (
    <div className="rounded-xl bg-[#313338] p-4 text-[#dbdee1]" data-testid="discord-v2-preview">
      <DiscordMessageFrame>
        <div className="mt-1 space-y-2">
          {tree.roots(layout).map((node, i) => <div key={i} className="min-w-0">{render(node, [i])}</div>)}
        </div>
      </DiscordMessageFrame>
    </div>
  );
}
