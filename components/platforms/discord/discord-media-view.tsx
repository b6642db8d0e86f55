"use client";

import { clsx } from "clsx";
import { Download, FileText, ImageIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { isRecord } from "@/lib/platforms/issues";

const str = (value: unknown) => (typeof value === "string" ? value : "");
/** The URL of an unfurled media item (`{url}`). */
export const mediaUrl = (media: unknown) => (isRecord(media) ? str(media.url) : "");
/** What `attachment://name` or a URL's last segment calls the file. */
export const fileName = (url: string) => decodeURIComponent(url.replace(/^attachment:\/\//, "").split(/[?#]/)[0]!.split("/").pop() ?? "") || url;

/**
 * One image as the client shows it: an https URL is loaded as is; an `attachment://` file exists only once
 * uploaded with the message, so a tile with its name stands in (nothing is fetched). A spoiler is blurred
 * until clicked, as in the client.
 */
export function DiscordMediaTile({ url, description, spoiler, className }: { url: string; description: string; spoiler: boolean; className?: string }) {
  const t = useTranslations("editor.discordTree.preview");
  const [revealed, setRevealed] = useState(false);
  const [broken, setBroken] = useState<string | null>(null);
  const hidden = spoiler && !revealed;
  const loadable = /^https:\/\//i.test(url) && broken !== url;
  return (
    <div className={clsx("relative overflow-hidden rounded-lg bg-[#2b2d31]", className)}>
      {loadable ? (
        // Plain <img>: the URL is the person's, from any host, shown as typed.
        <img src={url} alt={description || fileName(url)} className={clsx("size-full object-cover", hidden && "scale-110 blur-xl")} onError={() => setBroken(url)} />
      ) : (
        <div role="img" aria-label={description || fileName(url) || t("noMedia")} className={clsx("flex size-full flex-col items-center justify-center gap-1 p-2 text-[#949ba4]", hidden && "blur-md")}>
          <ImageIcon aria-hidden className="size-6" />
          <span className="max-w-full truncate text-xs">{fileName(url) || t("noMedia")}</span>
        </div>
      )}
      {hidden ? <DiscordSpoilerCover onReveal={() => setRevealed(true)} /> : null}
    </div>
  );
}

/** Media Gallery layout by item count, close to the client's mosaic: 1 wide, 2 side by side, 3+ in a grid. */
function galleryClass(count: number): string {
  if (count === 1) return "grid-cols-1";
  if (count === 2 || count === 4) return "grid-cols-2";
  return "grid-cols-3";
}

export function DiscordGalleryView({ items }: { items: unknown[] }) {
  const list = items.filter(isRecord);
  return (
    <div className={clsx("grid max-w-[32rem] gap-1", galleryClass(list.length))}>
      {list.map((item, i) => (
        <DiscordMediaTile key={i} url={mediaUrl(item.media)} description={str(item.description)} spoiler={item.spoiler === true} className={list.length === 1 ? "aspect-video" : "aspect-square"} />
      ))}
    </div>
  );
}

/** A File component: the attachment's row with its name and a download icon. */
export function DiscordFileView({ node }: { node: Record<string, unknown> }) {
  const t = useTranslations("editor.discordTree.preview");
  const url = mediaUrl(node.file);
  const name = fileName(url);
  return (
    <div className={clsx("flex max-w-[27rem] items-center gap-3 rounded-lg border border-[#2b2d31] bg-[#2b2d31] p-3", node.spoiler === true && "blur-[2px]")}>
      <FileText aria-hidden className="size-8 shrink-0 text-[#b5bac1]" />
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm text-[#00a8fc]">{name || t("noFile")}</p>
        <p className="text-xs text-[#949ba4]">{node.spoiler === true ? t("spoiler") : t("attachment")}</p>
      </div>
      <Download aria-hidden className="size-5 shrink-0 text-[#b5bac1]" />
    </div>
  );
}

/** The SPOILER cover Discord lays over hidden media or a container until it is clicked. */
export function DiscordSpoilerCover({ onReveal }: { onReveal: () => void }) {
  const t = useTranslations("editor.discordTree.preview");
  return (
    <button type="button" className="absolute inset-0 flex items-center justify-center" onClick={onReveal} aria-label={t("revealSpoiler")}>
      <span className="rounded-full bg-black/60 px-3 py-1 text-xs font-bold tracking-wide text-white">{t("spoiler")}</span>
    </button>
  );
}
