"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import type { IndexPath } from "@/lib/builder/tree-ops";
import type { TreeAdapter } from "@/lib/platforms/types";

/** How a node is named to people: its kind in their language, its place, and its own label. */
export function useNodeName(tree: TreeAdapter): (node: unknown, path: IndexPath) => string {
  const t = useTranslations("editor.tree");
  return useCallback(
    (node, path) => {
      const kind = tree.nodeKind(node);
      const kindName = t.has(`kinds.${kind}`) ? t(`kinds.${kind}` as never) : kind;
      const label = tree.nodeLabel(node);
      return label ? t("nodeName", { kind: kindName, n: (path.at(-1) ?? 0) + 1, label }) : t("nodeNameBare", { kind: kindName, n: (path.at(-1) ?? 0) + 1 });
    },
    [t, tree],
  );
}
