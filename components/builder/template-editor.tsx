"use client";

import { platformPanels } from "@/components/platforms/registry";
import { layoutOf } from "@/lib/platforms/registry";
import { GridTemplateEditor } from "./grid-template-editor";
import { TreeTemplateEditor } from "./tree-template-editor";
import type { EditableTemplate } from "./use-template-editor";

/**
 * The editor of one template; the adapter of the layout's own kind (Discord: legacy, V2 or modal) chooses the
 * editing model (grid or tree).
 */
export function TemplateEditor({ template }: { template: EditableTemplate }) {
  const adapter = layoutOf(template.platform, template.layout);
  const panels = platformPanels[template.platform];
  if (adapter.tree && panels.tree) return <TreeTemplateEditor template={template} adapter={adapter} tree={adapter.tree} panels={panels.tree} />;
  if (adapter.grid && panels.grid) return <GridTemplateEditor template={template} adapter={adapter} grid={adapter.grid} panels={panels.grid} />;
  throw new Error(`${template.platform} has no editor panels`);
}
